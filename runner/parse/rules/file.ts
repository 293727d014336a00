// Files: a fence whose info string has `file=PATH` (```json file=labs/seccomp/chmod.json) is written to PATH on the
// target before its step runs, and shown to the student as a listing. This is how a lab ships the seccomp profile or
// Containerfile its commands use.
import { readFence } from "../fences.js";
import { target, type ParseState } from "../state.js";
import type { BlockRule } from "./rule.js";

export const file: BlockRule = {
  name: "file",
  run(state: ParseState): boolean {
    const token = state.tokens[state.pos];
    if (token.type !== "fence") return false;
    const fence = readFence(token, state.lines);
    const path = fence.info.attrs.file;
    if (path === undefined) return false;
    target(state).push({ kind: "file", path, lang: fence.info.lang, content: fence.content, line: fence.line, column: fence.column });
    state.pos++;
    return true;
  },
};
