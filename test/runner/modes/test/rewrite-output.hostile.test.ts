// --update against hostile output: huge blocks, regexes that backtrack, control characters. It must stay fast and
// write something the parser reads back as the same output.
import { describe, expect, it } from "vitest";
import { mergeLines, outputLines, rewriteExpectedOutput } from "../../../../runner/modes/test/rewrite-output.js";
import { parseLab } from "../../../../runner/parse/index.js";
import { planLab } from "../../../../runner/play/plan.js";

describe("rewrite-output, hostile", () => {
  it("replaces a 5,000-line block without aligning it line by line", () => {
    const expected = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
    const actual = Array.from({ length: 5000 }, (_, i) => `row ${i}`);
    const t0 = performance.now();
    expect(mergeLines(expected, actual, "cat big")).toEqual(actual);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it("does not hang on a regex that would backtrack", () => {
    const t0 = performance.now();
    const out = mergeLines(["(a+)+$ (re)", "end"], ["a".repeat(40) + "b", "end"], "x");
    expect(out).toEqual(["a".repeat(40) + "b", "end"]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it("writes control characters and tabs back as the parser reads them", () => {
    const text = "# T\n\n## S\n\n```console\n$ cat weird\n  old\n```\n";
    const commands = planLab(parseLab(text, "t.md")).steps.flatMap((s) => s.commands);
    const output = "tab\there\n\x1b[1mbold\x1b[0m\nbell\x07\n";
    const r = rewriteExpectedOutput(text, commands, [{ line: 6, output, exitCode: 0, matched: false }]);
    const back = planLab(parseLab(r.text, "t.md")).steps.flatMap((s) => s.commands)[0];
    expect(back.expectedOutput).toEqual(outputLines(output));
  });
});
