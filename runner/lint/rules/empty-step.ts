// A step or task with nothing under its heading gives the student nothing to read or do; usually a heading written
// ahead of its content and forgotten. A warning: the lab still runs.
import type { Diagnostic } from "../../model/source.js";
import type { LintRule } from "../rule.js";

export const emptyStep: LintRule = {
  name: "empty-step",
  description: "a `##` step or `###` task with no content",
  run(lab) {
    const out: Diagnostic[] = [];
    const warn = (line: number, column: number, message: string) =>
      out.push({ file: lab.file, line, column, severity: "warning", rule: "empty-step", message });
    for (const step of lab.steps) {
      if (step.body.length === 0 && step.tasks.length === 0) warn(step.line, step.column, `step "${step.title}" has no content`);
      for (const task of step.tasks) {
        if (task.body.length === 0) warn(task.line, task.column, `task "${task.title}" has no content`);
      }
    }
    return out;
  },
};
