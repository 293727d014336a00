// Two steps with the same title cannot be told apart: `hostlab run --step`, saved progress and the book's anchors
// all name a step by its title. An error, reported on the second one.
import type { Diagnostic } from "../../model/source.js";
import type { LintRule } from "../rule.js";

export const duplicateStep: LintRule = {
  name: "duplicate-step",
  description: "two `##` steps with the same title",
  run(lab) {
    const out: Diagnostic[] = [];
    const seen = new Map<string, number>();
    for (const step of lab.steps) {
      const key = step.title.trim().toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        out.push({
          file: lab.file, line: step.line, column: step.column, severity: "error", rule: "duplicate-step",
          message: `step title "${step.title}" is already used by the step at line ${first}; give each step its own title`,
        });
      } else seen.set(key, step.line);
    }
    return out;
  },
};
