// The shape of a parser rule. Like markdown-it's block rules, each rule looks at the token at `state.pos`; if it
// recognises a construct there it appends what it found, advances `state.pos` past it and returns true. Rules are
// tried in the order of rules/index.ts; the last one (prose) accepts anything.
import type { ParseState } from "../state.js";

export interface BlockRule {
  /** Names the construct, for docs and for tracing which rule took a token. */
  name: string;
  run(state: ParseState): boolean;
}
