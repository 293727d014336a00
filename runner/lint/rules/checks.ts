// Checks mean something: a type from the check vocabulary (checks/typed/) with its fields, and probes that only
// read the host. This rule hands each check block to checks/ (lintCheckBlock) and places its findings on the
// lab's lines. YAML syntax errors are left to the check-yaml rule, so nothing is reported twice.
import { lintCheckBlock, type Check } from "../../../checks/check.js";
import type { Diagnostic } from "../../model/source.js";
import { walkBlocks } from "../../model/walk.js";
import type { LintRule } from "../rule.js";

export const checkSpec: LintRule = {
  name: "check-spec",
  description: "a check with an unknown type, a missing or misspelt field, a probe that would change the host, or a reused id",
  run(lab) {
    const out: Diagnostic[] = [];
    // Reports, progress and self-test name checks by id: two checks with one id would be confused.
    const ids = new Map<string, number>();
    const onCheck = (check: Check) => {
      const id = check.spec.id;
      if (id === undefined) return;
      const first = ids.get(id);
      if (first === undefined) ids.set(id, check.origin.line);
      else out.push({ file: lab.file, line: check.origin.line, column: check.origin.column, severity: "error", rule: "check-spec", message: `check id "${id}" is already used on line ${first}` });
    };
    for (const { block } of walkBlocks(lab)) {
      if (block.kind !== "check" || block.yaml.trim() === "") continue;
      const origin = { file: lab.file, line: block.yamlLine, column: 1, hidden: block.hidden };
      for (const d of lintCheckBlock(block.yaml, origin, { syntax: false, onCheck })) {
        out.push({ file: lab.file, line: d.line, column: d.column, severity: d.severity, rule: "check-spec", message: d.message });
      }
    }
    return out;
  },
};
