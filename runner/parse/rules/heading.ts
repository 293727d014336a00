// Headings give a lab its shape: `#` is the title, `##` starts a step, `###` a task inside the current step.
// Deeper headings are prose. Inside a <details> solution every heading is prose (a solution has no steps).
import type { ParseState } from "../state.js";
import { problem, tokenPos } from "../state.js";
import type { BlockRule } from "./rule.js";

export const heading: BlockRule = {
  name: "heading",
  run(state: ParseState): boolean {
    const open = state.tokens[state.pos];
    if (open.type !== "heading_open" || state.solution) return false;
    const level = Number(open.tag.slice(1));
    if (level > 3) return false;
    const inline = state.tokens[state.pos + 1];
    const title = inline?.type === "inline" ? inline.content.trim() : "";
    const pos = tokenPos(state, open);
    const lab = state.lab;
    if (level === 1) {
      if (lab.titlePos) {
        problem(state, pos, "extra-title", `a lab has one \`#\` title (line ${lab.titlePos.line}); this one is shown as text`, "warning");
        return false;
      }
      lab.title = title;
      lab.titlePos = pos;
    } else if (level === 2) {
      state.step = { title, index: lab.steps.length, body: [], tasks: [], ...pos };
      state.task = null;
      lab.steps.push(state.step);
    } else {
      if (!state.step) {
        problem(state, pos, "task-outside-step", "a `###` task must come after a `##` step; shown as text", "warning");
        return false;
      }
      state.task = { title, body: [], ...pos };
      state.step.tasks.push(state.task);
    }
    state.pos += 3; // heading_open, inline, heading_close
    return true;
  },
};
