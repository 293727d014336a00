// Prose: everything no other rule claimed (paragraphs, lists, tables, plain quotes, HTML, deeper headings). Kept as
// the Markdown source, not rendered, so the terminal UI and the book can each render it their way. Prose tokens
// with nothing else between them merge into one block, blank lines included; the text is cut at the end of the
// parse (state.ts, finishProse).
import type { Prose } from "../../model/lab.js";
import { skipBlock, target, tokenPos, type ParseState } from "../state.js";
import type { BlockRule } from "./rule.js";

export const prose: BlockRule = {
  name: "prose",
  run(state: ParseState): boolean {
    const token = state.tokens[state.pos];
    const next = skipBlock(state.tokens, state.pos);
    state.pos = next;
    if (!token.map) return true;
    const blocks = target(state);
    const last = blocks[blocks.length - 1];
    // Every other rule appends a block, so a prose block still last in this list is the one just before us.
    if (last?.kind === "prose" && state.proseEnds.has(last)) {
      state.proseEnds.set(last, token.map[1]);
    } else {
      const block: Prose = { kind: "prose", markdown: "", ...tokenPos(state, token) };
      state.proseEnds.set(block, token.map[1]);
      blocks.push(block);
    }
    return true;
  },
};
