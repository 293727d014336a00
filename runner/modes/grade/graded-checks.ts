// What a grader runs: every check of the lab, hidden ones included, each with the step it belongs to. Steps are not
// played: a graded host is judged on the state the student left it in.
import type { Check } from "../../../checks/check.js";
import type { LabPlan } from "../../play/plan.js";

export interface GradedCheck {
  check: Check;
  /** index of the step the check sits in */
  step: number;
  stepTitle: string;
}

/** Every check of a planned lab, in the order of the lab file. */
export function gradedChecks(plan: LabPlan): GradedCheck[] {
  return plan.steps.flatMap((s, step) => s.checks.map((check) => ({ check, step, stepTitle: s.step.title })));
}
