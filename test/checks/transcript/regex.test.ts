import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileLinearRegex, RegexRefused } from "../../../checks/transcript/regex.js";

const full = (src: string, text: string) => compileLinearRegex(src).test(text);

describe("linear regex for (re) lines", () => {
  it.each([
    ["[0-9a-f]{12}", "ad416438d9e8", true],
    ["[0-9a-f]{12}", "ad416438d9e", false],
    ["libpod-[0-9a-f]{64}/tasks", `libpod-${"a".repeat(64)}/tasks`, true],
    ["s0:c\\d+,c\\d+", "s0:c12,c900", true],
    ["(Up|Exited \\(\\d+\\)) .* ago", "Exited (137) 2 seconds ago", true],
    ["(Up|Exited \\(\\d+\\)) .* ago", "Created", false],
    ["^total \\d+(\\.\\d)?K$", "total 8.0K", true],
    ["a|b", "ab", false],
    ["(?:ab)+", "ababab", true],
    ["(?<id>[a-z]+)_\\w+", "goofy_wilbur", true],
    ["x{2,3}", "xxxx", false],
    ["x{2,}", "xxxx", true],
    ["[^ ]+ \\S+", "a b", true],
    ["[\\]x]+", "]x]", true],
    ["a.c", "a\nc", false],
    ["", "", true],
    ["colou?r", "color", true],
    ["\\x41\\t", "A\t", true],
  ])("%s on %j → %s", (src, text, want) => {
    expect(full(src, text)).toBe(want);
  });

  it.each([
    ["(a)\\1", /backreference/],
    ["(?=a)a", /lookaround/],
    ["(?<!a)b", /lookaround/],
    ["\\bword", /word boundaries/],
    ["a**", /nothing to repeat/],
    ["(ab", /unclosed \(/],
    ["ab)", /unmatched \)/],
    ["[ab", /unclosed \[/],
    ["a^b", /only allowed at the start/],
    ["(?:a{100}){200}", /more than/],
    ["\\q", /unknown escape/],
    ["(".repeat(5_000) + "a" + ")".repeat(5_000), /nested deeper/],
  ])("refuses %s", (src, why) => {
    expect(() => compileLinearRegex(src)).toThrow(RegexRefused);
    expect(() => compileLinearRegex(src)).toThrow(why);
  });

  it("runs patterns that are exponential for backtracking engines in linear time", () => {
    const hostile = "a".repeat(5_000) + "!";
    for (const src of ["(a+)+$", "(a|a)*b", "(a*)*b", "(.*a){20}", ".*.*.*.*.*x", "(a|aa)+c"]) {
      const t0 = performance.now();
      expect(full(src, hostile)).toBe(false);
      expect(performance.now() - t0).toBeLessThan(5_000);
    }
  });

  it("gives up instead of spending more than its step budget", () => {
    const re = compileLinearRegex("(?:a|b){1,2000}");
    expect(re.test("a".repeat(50_000))).toBe("gave-up");
  });

  it("agrees with RegExp on simple patterns (property)", () => {
    const atom = fc.constantFrom("a", "b", ".", "[ab]", "[^a]", "\\d", "(a|b)", "(?:ab)");
    const quant = fc.constantFrom("", "*", "+", "?", "{1,2}");
    const pattern = fc.array(fc.tuple(atom, quant), { minLength: 1, maxLength: 5 }).map((xs) => xs.map(([a, q]) => a + q).join(""));
    fc.assert(
      fc.property(pattern, fc.stringMatching(/^[ab1]{0,8}$/), (src, text) => {
        expect(full(src, text)).toBe(new RegExp(`^(?:${src})$`).test(text));
      }),
    );
  });
});
