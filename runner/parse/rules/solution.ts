// Solutions: a `<details>` block (GitHub renders it collapsed) holds a worked answer, shown only when the student
// asks. Markdown between `<details>` and `</details>` is parsed like a step body, so commands in it are real
// commands, but in a copy of the session stack: a solution is an alternative path, not part of the step's run.
import type { Block } from "../../model/lab.js";
import { problem, target, tokenPos, type ParseState } from "../state.js";
import type { BlockRule } from "./rule.js";

const OPEN = /^\s*<details\b/i;
const CLOSE = /<\/details\s*>/i;
const SUMMARY = /<summary>([\s\S]*?)<\/summary>/i;

export const solution: BlockRule = {
  name: "solution",
  run(state: ParseState): boolean {
    const token = state.tokens[state.pos];
    if (token.type !== "html_block" || !OPEN.test(token.content)) return false;
    const pos = tokenPos(state, token);
    const summary = SUMMARY.exec(token.content)?.[1].replace(/<[^>]*>/g, "").trim() || "Solution";
    const body: Block[] = [];
    const into = target(state);
    into.push({ kind: "solution", summary, body, ...pos });

    // All on one HTML block (no blank line inside): its text is the solution, as prose.
    if (CLOSE.test(token.content)) {
      const inner = token.content.replace(OPEN, "").replace(/^[^>]*>/, "").replace(SUMMARY, "").replace(CLOSE, "").trim();
      if (inner) body.push({ kind: "prose", markdown: inner, ...pos });
      state.pos++;
      return true;
    }
    // The body ends at `</details>`; a forgotten one ends at the next step or task heading, so the lab keeps its steps.
    let close = state.pos + 1;
    const isClose = (i: number) => state.tokens[i].type === "html_block" && CLOSE.test(state.tokens[i].content);
    const isSection = (i: number) => state.tokens[i].type === "heading_open" && Number(state.tokens[i].tag.slice(1)) <= 3;
    while (close < state.end && !isClose(close) && !isSection(close)) close++;
    const closed = close < state.end && isClose(close);
    if (!closed) {
      problem(state, pos, "unclosed-details", "this `<details>` is never closed with `</details>`; the solution runs to the end of the section");
    }
    const saved = { pos: state.pos, end: state.end, solution: state.solution, stack: state.sessionStack };
    state.pos++;
    state.end = Math.min(close, state.end);
    state.solution = body;
    state.sessionStack = [...saved.stack];
    state.parseRange(state);
    state.end = saved.end;
    state.solution = saved.solution;
    state.sessionStack = saved.stack;
    state.pos = closed ? close + 1 : close;
    return true;
  },
};
