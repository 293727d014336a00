// Any other fence (```json, ```yaml, ```c …) is a snippet: a listing shown to the student, never run or written.
import { readFence } from "../fences.js";
import { target, type ParseState } from "../state.js";
import type { BlockRule } from "./rule.js";

export const snippet: BlockRule = {
  name: "snippet",
  run(state: ParseState): boolean {
    const token = state.tokens[state.pos];
    if (token.type !== "fence") return false;
    const fence = readFence(token, state.lines);
    target(state).push({ kind: "snippet", lang: fence.info.lang, text: fence.content.replace(/\n$/, ""), line: fence.line, column: fence.column });
    state.pos++;
    return true;
  },
};
