import { describe, expect, it } from "vitest";
import { renderGradeTable } from "../../../runner/report/grade-table.js";
import { CLASS } from "../../support/grade-records.js";

describe("the grade table", () => {
  it("lists hosts in inventory order with scores, lost points, not-applicable checks and errors", () => {
    const out = renderGradeTable(CLASS, { color: false });
    expect(out.split("\n").slice(1, 4)).toEqual(["STUDENT                 HOST        SCORE", "alice                   root@web01  5/5", "    – selinux (not applicable): SELinux is disabled on this host"]);
    expect(out).toContain("    ✗ listen (0/3): saw \\x1b]0;owned\\x07\\x1b[2J no Listen\\x0d");
    expect(out).toMatch(/^carol\s+root@web03\s+ERROR\n    ✗ connection refused/m);
    expect(out.trimEnd().split("\n").pop()).toBe("2 graded · 1 could not be graded · 1 with full marks · mean 70%");
  });

  it("never lets host text reach the terminal raw: no ESC, BEL, CR or C1 byte anywhere", () => {
    const out = renderGradeTable(CLASS, { color: false });
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]/);
  });

  it("keeps huge messages and names to a bounded width", () => {
    const big = structuredClone(CLASS);
    big[0].student = "x".repeat(10_000);
    big[0].checks[1].message = "y".repeat(1_000_000);
    const out = renderGradeTable(big, { color: false });
    expect(out.length).toBeLessThan(5_000);
  });
});
