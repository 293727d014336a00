// The parser's working state while it walks markdown-it's block tokens: the lab being built, where new blocks go
// (the intro, a step's body, a task's body, a solution's body) and the stack of open shell sessions.
import type { Token } from "markdown-it";
import type { Block, Command, Lab, Prose, Session, Step, Task } from "../model/lab.js";
import type { Diagnostic, Severity, SourcePos } from "../model/source.js";
import { detectShellOpening, isExit } from "./console/sessions.js";

export interface ParseState {
  file: string;
  /** The source split into lines (front matter lines included, so indexes are file lines − 1). */
  lines: string[];
  tokens: Token[];
  /** Index of the token the rules look at next. */
  pos: number;
  /** Tokens up to (not including) this index belong to the range being parsed (a whole file, or a <details>). */
  end: number;
  lab: Lab;
  step: Step | null;
  task: Task | null;
  /** Set while parsing a <details> solution: blocks go there, headings are plain prose. */
  solution: Block[] | null;
  /** Open sessions, innermost last; [0] is the host's shell. */
  sessionStack: number[];
  /**
   * Where each prose block's source ends (0-based line index, exclusive). Merging neighbouring prose only moves the
   * end; the Markdown is cut from the source once, at the end of the parse (finishProse), so a lab of thousands of
   * paragraphs stays linear.
   */
  proseEnds: Map<Prose, number>;
  /** The main loop (walk-tokens.ts), for rules that parse a nested range such as a <details> body. */
  parseRange: (state: ParseState) => void;
}

/** The list new blocks are appended to. */
export function target(state: ParseState): Block[] {
  return state.solution ?? state.task?.body ?? state.step?.body ?? state.lab.intro;
}

/** Records a located problem on the lab. */
export function problem(state: ParseState, pos: SourcePos, rule: string, message: string, severity: Severity = "error") {
  const d: Diagnostic = { file: state.file, line: pos.line, column: pos.column, severity, rule, message };
  state.lab.problems.push(d);
}

/** The 1-based position of a token's first line, with its indentation as the column. */
export function tokenPos(state: ParseState, token: Token): SourcePos {
  const index = token.map ? token.map[0] : 0;
  const text = state.lines[index] ?? "";
  return { line: index + 1, column: text.length - text.trimStart().length + 1 };
}

/** Index just past the block that starts at token `i` (its closing token for open tokens). */
export function skipBlock(tokens: readonly Token[], i: number): number {
  const open = tokens[i];
  if (open.nesting !== 1) return i + 1;
  for (let j = i + 1; j < tokens.length; j++) {
    if (tokens[j].level === open.level && tokens[j].nesting === -1) return j + 1;
  }
  return tokens.length;
}

/** Places a command in the current shell session, opening or closing nested sessions as it says. */
export function placeCommand(state: ParseState, command: Command): void {
  const stack = state.sessionStack;
  const current = stack[stack.length - 1];
  command.session = { id: current, depth: stack.length - 1 };
  if (stack.length > 1 && isExit(command.command)) {
    command.closes = current;
    const session = state.lab.sessions[current - 1];
    session.closedAt = { line: command.line, column: command.column };
    stack.pop();
    return;
  }
  const opening = detectShellOpening(command.command);
  if (!opening) return;
  const session: Session = {
    id: state.lab.sessions.length + 1,
    parent: current,
    depth: stack.length,
    via: opening.via,
    container: opening.container,
    shell: opening.shell,
    closedAt: null,
    line: command.line,
    column: command.column,
  };
  state.lab.sessions.push(session);
  command.opens = session.id;
  stack.push(session.id);
}

/** Cuts every prose block's Markdown from the source, now that its extent is final. */
export function finishProse(state: ParseState): void {
  for (const [block, end] of state.proseEnds) {
    block.markdown = state.lines.slice(block.line - 1, end).join("\n").trimEnd();
  }
  state.proseEnds.clear();
}
