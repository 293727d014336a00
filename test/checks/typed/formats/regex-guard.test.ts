import { describe, expect, it } from "vitest";
import { compileGuarded, firstMatchingLine } from "../../../../checks/typed/formats/regex-guard.js";

describe("compileGuarded", () => {
  it("accepts ordinary patterns", () => {
    for (const p of ["^top$", "container_t:s0:c\\d+,c\\d+", "(ALLOW|LOG)", "a(?:bc)?d", "[(]+x", "\\(a+\\)+"]) {
      expect(compileGuarded(p)).toHaveProperty("regex");
    }
  });

  it("refuses nested repetition, backreferences, huge and invalid patterns", () => {
    for (const p of ["(a+)+$", "(a*)*", "((ab)*c)+", "(.*a){20}", "(a|aa)+", "(a)\\1", "x".repeat(501), "(unclosed", ".*.*.*x", "^.*.*.*.*x"]) {
      expect(compileGuarded(p)).toHaveProperty("error");
    }
  });

  it("never searches a line past the pattern's budget (no false match on a cut line)", () => {
    const c = compileGuarded("^a+$");
    if (!("regex" in c)) throw new Error();
    expect(firstMatchingLine(c, "a".repeat(1_000_000) + "!\nb\naaa")).toBe("aaa");
    expect(firstMatchingLine(c, "a".repeat(5000))).toBeNull();
  });

  it("keeps the worst polynomial case fast: two open-ended repetitions on hostile lines", () => {
    const c = compileGuarded(".*.*x");
    if (!("regex" in c)) throw new Error();
    expect(c.maxLine).toBeLessThan(300);
    const hostile = Array.from({ length: 20 }, () => "a".repeat(c.maxLine)).join("\n");
    const t0 = performance.now();
    expect(firstMatchingLine(c, hostile)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
