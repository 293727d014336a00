// lintLab: every rule over a parsed lab, findings sorted by position. A rule that throws (a bug, never the lab's
// fault) is reported as one diagnostic naming the rule, so one broken rule cannot hide the others' findings.
import type { Lab } from "../model/lab.js";
import type { Diagnostic } from "../model/source.js";
import type { LintRule } from "./rule.js";
import { lintRules } from "./rules/index.js";

/** Runs the rules over a lab; diagnostics come back in file order. */
export function lintLab(lab: Lab, rules: readonly LintRule[] = lintRules): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      out.push(...rule.run(lab));
    } catch (e) {
      out.push({ file: lab.file, line: 1, column: 1, severity: "error", rule: rule.name,
        message: `internal error in lint rule ${rule.name}: ${String(e).split("\n")[0]} (please report this)` });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Whether any diagnostic is an error (what makes `hostlab lint` exit 1). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
