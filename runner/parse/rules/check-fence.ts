// Visible checks: a ```check fence. The student sees what will be verified; the YAML is kept as written (with the
// line it starts on) for checks/ to interpret.
import { readFence } from "../fences.js";
import { target, type ParseState } from "../state.js";
import type { BlockRule } from "./rule.js";

export const checkFence: BlockRule = {
  name: "check-fence",
  run(state: ParseState): boolean {
    const token = state.tokens[state.pos];
    if (token.type !== "fence") return false;
    const fence = readFence(token, state.lines);
    if (fence.info.lang !== "check") return false;
    target(state).push({
      kind: "check",
      hidden: false,
      yaml: fence.content,
      yamlLine: fence.firstLine,
      info: fence.info.rest,
      line: fence.line,
      column: fence.column,
    });
    state.pos++;
    return true;
  },
};
