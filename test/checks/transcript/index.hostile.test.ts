// Hostile input never crashes the matcher nor makes it spin: huge lines, huge outputs, catastrophic regexes,
// many `...` and `[..]`, control bytes, random text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTranscriptSession, matchTranscript, type MatchInput } from "../../../checks/transcript/index.js";

function timed(input: MatchInput, limitMs: number) {
  const t0 = performance.now();
  const result = matchTranscript(createTranscriptSession(), input);
  const ms = performance.now() - t0;
  expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(limitMs);
  expect(typeof result.ok).toBe("boolean");
  expect(result.ok === (result.diff === "")).toBe(true);
  return result;
}

// Limits are generous (a shared CI machine may be busy): they tell "linear" from "exponential", not fast from slow.
describe("hostile transcripts", { timeout: 120_000 }, () => {
  it("a 1 MB line against a slightly different 1 MB line", () => {
    const line = "ab1 ".repeat(250_000);
    expect(timed({ command: "cat x", expected: line, actual: line + "x" }, 10_000).ok).toBe(false);
    expect(timed({ command: "cat x", expected: line, actual: line }, 10_000).ok).toBe(true);
  });

  it("100,000 lines, equal and with one line changed", () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `line ${i % 100} of /var/log/x`);
    const text = lines.join("\n");
    expect(timed({ command: "cat x", expected: text, actual: text }, 15_000).ok).toBe(true);
    const changed = [...lines];
    changed[50_000] = "something else";
    const r = timed({ command: "cat x", expected: text, actual: changed.join("\n") }, 15_000);
    expect(r.ok).toBe(false);
    expect(r.diff.split("\n").length).toBeLessThan(40); // matching context is folded
  });

  it("100,000 lines against 100,001 (the line diff is bounded)", () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `row ${i}`).join("\n");
    expect(timed({ command: "cat x", expected: text, actual: `${text}\nextra` }, 15_000).ok).toBe(false);
    expect(timed({ command: "cat x", expected: text, actual: `extra\n${text.split("\n").reverse().join("\n")}` }, 15_000).ok).toBe(false);
  });

  it("a catastrophic (re) on a long line", () => {
    const r = timed({ command: "echo", expected: "(a+)+$ (re)\n(a|a)*b (re)", actual: `${"a".repeat(30_000)}!\n${"a".repeat(30_000)}` }, 10_000);
    expect(r.ok).toBe(false);
  });

  it("thousands of `...` lines that cannot all be placed", () => {
    const expected = Array.from({ length: 3_000 }, (_, i) => `...\nneedle ${i % 7}`).join("\n") + "\nnever";
    const actual = Array.from({ length: 3_000 }, (_, i) => `needle ${i % 7}\nhay`).join("\n");
    const r = timed({ command: "cat x", expected, actual }, 10_000);
    expect(r.ok).toBe(false);
  });

  it("many [..] on a long line that almost matches", () => {
    const expected = Array.from({ length: 50 }, () => "a[..]").join("") + "b";
    const r = timed({ command: "echo", expected, actual: "a".repeat(100_000) }, 10_000);
    expect(r.ok).toBe(false);
  });

  it("control bytes, lone escapes and NULs", () => {
    const junk = "\x00\x1b\x1b[\x1b]\x07\r\r\n\x08\x7f\u2028\ud800";
    expect(timed({ command: junk, expected: junk, actual: junk, promptEcho: junk, actualPrompt: junk }, 5_000).ok).toBe(true);
  });

  it("never throws on random text in any field (property)", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.stringMatching(/^[\s\S]{0,100}$/),
      fc.array(fc.constantFrom("...", "[..]", " (re)", " (glob)", " (literal)", "(", "[", "\\", "*", "a", "1234", "\n", "  ", "s0:c1,c2", "ad416438d9e8"), { maxLength: 40 }).map((xs) => xs.join("")),
    );
    fc.assert(
      fc.property(text, text, text, fc.option(text), fc.option(text), (command, expected, actual, promptEcho, actualPrompt) => {
        const r = matchTranscript(createTranscriptSession(), {
          command, expected, actual, promptEcho: promptEcho ?? undefined, actualPrompt: actualPrompt ?? undefined,
        });
        expect(r.diff.startsWith("transcript matcher error"), r.diff).toBe(false);
        expect(r.ok === (r.diff === "")).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("a text always matches itself with a fresh session (property)", () => {
    const line = fc.stringMatching(/^[a-z0-9 :.,/_-]{0,40}$/);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const text = lines.filter((l) => l.trim() !== "..." && !/ \((re|glob|literal)\)$/.test(l)).join("\n");
        expect(matchTranscript(createTranscriptSession(), { command: "cat x", expected: text, actual: text }).ok).toBe(true);
      }),
    );
  });
});
