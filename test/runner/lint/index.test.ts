// lintLab runs pluggable rules: a rule added to the list is run; a rule that throws becomes one diagnostic.
import { describe, expect, it } from "vitest";
import { formatDiagnostic, summarise } from "../../../runner/lint/format.js";
import { hasErrors, lintLab } from "../../../runner/lint/index.js";
import type { LintRule } from "../../../runner/lint/rule.js";
import { lintRules } from "../../../runner/lint/rules/index.js";
import { parseLab } from "../../../runner/parse/index.js";

const lab = parseLab("# T\n## S\n```check\nx: 1\n```\n", "t.md");

describe("lintLab", () => {
  it("runs an added rule", () => {
    const extra: LintRule = {
      name: "extra",
      description: "test",
      run: (l) => [{ file: l.file, line: 4, column: 1, severity: "error", rule: "extra", message: "unknown check `x`" }],
    };
    expect(lintLab(lab, [...lintRules, extra]).filter((d) => d.rule === "extra")).toHaveLength(1);
  });

  it("turns a crashing rule into a located diagnostic", () => {
    const broken: LintRule = { name: "broken", description: "", run: () => { throw new Error("boom"); } };
    const [d] = lintLab(lab, [broken]);
    expect(d).toMatchObject({ rule: "broken", severity: "error", line: 1 });
    expect(d.message).toContain("boom");
  });

  it("formats as path:line:col: severity: message, with the fix as a note", () => {
    const d = { file: "a.md", line: 3, column: 7, severity: "error" as const, rule: "r", message: "m", fix: { line: 1, column: 1, message: "f" } };
    expect(formatDiagnostic(d)).toBe("a.md:3:7: error: m [r]\na.md:1:1: note: f");
    expect(summarise([d], 1)).toBe("1 error, 0 warnings in 1 file");
    expect(hasErrors([d])).toBe(true);
    expect(hasErrors([{ ...d, severity: "warning" }])).toBe(false);
  });
});
