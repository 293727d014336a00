// A command block read line by line, as a terminal transcript: a prompt line starts a command (continued by
// trailing backslashes or a here-document), the lines under it are its expected output, `# ` lines are narration
// (in `$` blocks), and lines before any command are a snippet (the seed's seccomp JSON sits above its `$ podman run`).
// Output runs "up to the next prompt or comment": an output line can never start with `$ ` or `# ` at column 1.
import type { Command, CommandPiece, TranscriptEntry } from "../../model/lab.js";
import { continues, heredocDelimiter, joinContinuation } from "./continuation.js";
import { readExpectedOutput, type RawLine } from "./expected-output.js";
import { isNarration, matchPrompt } from "./prompt.js";

export interface TranscriptSource {
  lines: readonly string[];
  /** 1-based line of `lines[0]` in the file. */
  firstLine: number;
  /** 1-based column where the block's lines begin (after the fence's indentation). */
  column: number;
  /** Whether `# ` lines are root prompts (see rootPromptDeclared). */
  rootBlock: boolean;
}

/**
 * Reads a command block into entries. `onCommand` is called for each finished command in order, so the caller can
 * place it in a shell session before the next one is read.
 */
export function readTranscript(src: TranscriptSource, onCommand: (c: Command) => void): TranscriptEntry[] {
  const { lines, firstLine, column, rootBlock } = src;
  const entries: TranscriptEntry[] = [];
  let command: Command | null = null;
  let output: RawLine[] = [];
  let snippet: RawLine[] = [];
  let narration: RawLine[] = [];

  const finishCommand = () => {
    if (!command) return;
    const out = readExpectedOutput(output, command.command, column);
    command.expectedOutput = out.lines;
    command.outputLine = out.line;
    command.echo = out.echo;
    onCommand(command);
    entries.push(command);
    command = null;
    output = [];
  };
  const finishSnippet = () => {
    while (snippet.length > 0 && snippet[snippet.length - 1].text.trim() === "") snippet.pop();
    if (snippet.length > 0) {
      const text = snippet.map((l) => l.text).join("\n");
      entries.push({ kind: "snippet", lang: "", text, line: snippet[0].line, column });
    }
    snippet = [];
  };
  const finishNarration = () => {
    if (narration.length > 0) {
      const markdown = narration.map((l) => l.text.replace(/^#[ \t]?/, "")).join("\n");
      entries.push({ kind: "narration", markdown, line: narration[0].line, column });
    }
    narration = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = firstLine + i;
    const prompt = matchPrompt(line, rootBlock);
    if (prompt) {
      finishCommand();
      finishSnippet();
      finishNarration();
      const source = [line];
      let text = prompt.rest;
      const pieces: CommandPiece[] = [{ line: lineNo, column: column + prompt.prompt.text.length, offset: 0 }];
      while (continues(text) && i + 1 < lines.length) {
        i++;
        source.push(lines[i]);
        const joined = joinContinuation(text, lines[i]);
        const indent = lines[i].length - lines[i].trimStart().length;
        pieces.push({ line: firstLine + i, column: column + indent, offset: joined.offset });
        text = joined.text;
      }
      text = text.trimEnd();
      const heredoc = heredocDelimiter(text);
      if (heredoc) {
        while (i + 1 < lines.length) {
          i++;
          source.push(lines[i]);
          pieces.push({ line: firstLine + i, column, offset: text.length + 1 });
          text += "\n" + lines[i];
          const body = heredoc.stripTabs ? lines[i].replace(/^\t+/, "") : lines[i];
          if (body.trimEnd() === heredoc.word) break;
        }
      }
      command = {
        kind: "command",
        command: text,
        source: source.join("\n"),
        prompt: prompt.prompt,
        expectedOutput: [],
        outputLine: null,
        echo: null,
        session: { id: 0, depth: 0 },
        opens: null,
        closes: null,
        pieces,
        line: lineNo,
        column,
      };
      continue;
    }
    if (!rootBlock && isNarration(line)) {
      finishCommand();
      finishSnippet();
      narration.push({ text: line, line: lineNo });
      continue;
    }
    finishNarration();
    if (command) output.push({ text: line, line: lineNo });
    else if (snippet.length > 0 || line.trim() !== "") snippet.push({ text: line, line: lineNo });
  }
  finishCommand();
  finishSnippet();
  finishNarration();
  return entries;
}

/** Where an offset in a command's text was written in the Markdown (for diagnostics about one argument). */
export function locateInCommand(command: Command, offset: number): { line: number; column: number } {
  let piece = command.pieces[0];
  for (const p of command.pieces) if (p.offset <= offset) piece = p;
  return { line: piece.line, column: piece.column + Math.max(0, offset - piece.offset) };
}
