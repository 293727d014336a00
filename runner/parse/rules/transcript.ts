// Command blocks: fences marked as a shell session (or not marked at all, as students' notes usually are) are read
// as transcripts by console/transcript.ts. A fence with no prompt line in it is not a transcript but a snippet.
import { rootPromptDeclared } from "../console/prompt.js";
import { readTranscript } from "../console/transcript.js";
import { readFence } from "../fences.js";
import { placeCommand, target, type ParseState } from "../state.js";
import type { BlockRule } from "./rule.js";

/** Info-string languages that mean "a terminal session". */
export const CONSOLE_LANGS = new Set(["", "console", "shell", "sh", "bash", "shell-session", "shellsession", "terminal", "session"]);

export const transcript: BlockRule = {
  name: "transcript",
  run(state: ParseState): boolean {
    const token = state.tokens[state.pos];
    if (token.type !== "fence") return false;
    const fence = readFence(token, state.lines);
    if (!CONSOLE_LANGS.has(fence.info.lang)) return false;
    const rootBlock = rootPromptDeclared(fence.lines, fence.info.attrs);
    const src = { lines: fence.lines, firstLine: fence.firstLine, column: fence.column, rootBlock };
    const entries = readTranscript(src, (c) => placeCommand(state, c));
    const blocks = target(state);
    if (entries.some((e) => e.kind === "command")) {
      blocks.push({ kind: "transcript", info: fence.infoText.trim(), entries, line: fence.line, column: fence.column });
    } else {
      blocks.push({ kind: "snippet", lang: fence.info.lang, text: fence.content.replace(/\n$/, ""), line: fence.line, column: fence.column });
    }
    state.pos++;
    return true;
  },
};
