// A lab found by name and planned for playing. A lab whose check blocks don't validate can't be played: every mode
// that plays one (`hostlab run`, `hostlab shell --lab`) refuses it the same way, pointing at `hostlab lint`.
import { findLab } from "../labs/find.js";
import type { Lab } from "../model/lab.js";
import { planLab, type LabPlan } from "./plan.js";

/** The lab named by path or id and its plan; or the lines to print when its checks must be fixed first. */
export function loadPlayableLab(name: string): { lab: Lab; plan: LabPlan } | { lab: Lab; refusal: string } {
  const lab = findLab(name);
  const plan = planLab(lab);
  if (plan.errors.length === 0) return { lab, plan };
  const lines = plan.errors.map((e) => `${lab.file}:${e.line}:${e.column}: ${e.message}\n`);
  lines.push(`hostlab: ${lab.file} cannot be played until its checks are fixed (see \`hostlab lint ${lab.file}\`)\n`);
  return { lab, refusal: lines.join("") };
}
