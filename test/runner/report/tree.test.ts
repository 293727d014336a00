// The terminal tree of `hostlab test`: marks, nesting, diffs under failures, lab errors, and a last line CI can read.
import { describe, expect, it } from "vitest";
import type { LabOutcome } from "../../../runner/report/results.js";
import { renderTree, summaryLine } from "../../../runner/report/tree.js";

const passing: LabOutcome = {
  id: "one", path: "labs/one.md", title: "One", durationMs: 12,
  steps: [{
    title: "First", line: 5,
    commands: [
      { command: "echo hi", line: 8, status: "pass", exitCode: 0, diff: "", durationMs: 1 },
      { command: "touch x", line: 10, status: "not-applicable", exitCode: 1, diff: "", durationMs: 1 },
    ],
    checks: [{ id: "x", title: "x exists", line: 14, status: "pass", points: 1, maxPoints: 1, message: "ok" }],
  }],
  errors: [],
};
const failing: LabOutcome = {
  id: "two", path: "labs/two.md", title: "Two", durationMs: 30,
  steps: [{
    title: "Only", line: 3,
    commands: [{ command: "cat f", line: 6, status: "fail", exitCode: 0, diff: "- old\n+ new\n", durationMs: 1 }],
    checks: [{ id: "c", title: "c holds", line: 9, status: "error", points: 0, maxPoints: 1, message: "check 'c' passes before its step runs: it cannot fail" }],
  }],
  errors: [
    { line: 9, message: "check 'c' passes before its step runs: it cannot fail" },
    { line: 2, message: "unknown key (front-matter)" },
  ],
};

describe("renderTree", () => {
  it("draws labs → steps → commands and checks, with the diff indented under a failure", () => {
    expect(renderTree([passing, failing], { color: false })).toBe(
      [
        "✓ one  labs/one.md",
        "  ✓ First  line 5",
        "    ✓ echo hi  labs/one.md:8",
        "    – touch x (exit 1)  labs/one.md:10",
        "    ✓ check: x exists  labs/one.md:14",
        "✗ two  labs/two.md",
        "  ✗ Only  line 3",
        "    ✗ cat f  labs/two.md:6",
        "        - old",
        "        + new",
        "    ✗ check: c holds  labs/two.md:9",
        "        check 'c' passes before its step runs: it cannot fail",
        "  ✗ lab error labs/two.md:2: unknown key (front-matter)",
        "",
        "2 labs: 1 passed, 1 failed (2 commands and checks passed, 2 failed, 1 not checked, 2 lab errors)",
        "",
      ].join("\n"),
    );
  });

  it("colours only when asked, and the last line carries the time when given", () => {
    expect(renderTree([passing], { color: false, durationMs: 1234 })).toMatch(/\n1 lab: 1 passed, 0 failed \(.*\) in 1\.23 s\n$/);
    expect(renderTree([passing], { color: true })).toContain("\x1b[32m✓\x1b[39m");
    expect(renderTree([passing], { color: false })).not.toContain("\x1b[");
  });

  it("cuts a very long command to one line", () => {
    const long = { ...passing, steps: [{ ...passing.steps[0], commands: [{ ...passing.steps[0].commands[0], command: "x".repeat(200) }] }] };
    expect(renderTree([long], { color: false })).toContain(`${"x".repeat(89)}…`);
  });

  it("says 0 labs when there is nothing", () => {
    expect(summaryLine([])).toBe("0 labs: 0 passed, 0 failed (0 commands and checks passed, 0 failed, 0 not checked)");
  });
});
