// The parser's main loop: offer the token at `state.pos` to each rule in order until one takes it.
import { blockRules } from "./rules/index.js";
import type { ParseState } from "./state.js";

/** Parses tokens from `state.pos` up to `state.end` into the current target. */
export function parseRange(state: ParseState): void {
  while (state.pos < state.end) {
    const before = state.pos;
    for (const rule of blockRules) if (rule.run(state)) break;
    // Only the prose rule accepts anything, and it always advances; this guards against a rule that forgets to.
    if (state.pos === before) state.pos++;
  }
}
