// Rewriting expected output from a run: only the lines that no longer match change; escape hatches, indentation,
// CRLF and every other byte of the file stay as the author wrote them.
import { describe, expect, it } from "vitest";
import { parseLab } from "../../../../runner/parse/index.js";
import { planLab } from "../../../../runner/play/plan.js";
import { mergeLines, outputLines, rewriteExpectedOutput } from "../../../../runner/modes/test/rewrite-output.js";
import type { ActualOutput } from "../../../../runner/modes/test/run-lab.js";

const commandsOf = (text: string) => planLab(parseLab(text, "t.md")).steps.flatMap((s) => s.commands);
const actual = (line: number, output: string, extra: Partial<ActualOutput> = {}): ActualOutput => ({ line, output, exitCode: 0, matched: false, ...extra });

describe("mergeLines", () => {
  it("keeps lines that still match, replaces the one that does not", () => {
    expect(mergeLines(["a", "b", "c"], ["a", "B", "c"], "x")).toEqual(["a", "B", "c"]);
  });

  it("keeps an id from the notes that matches by shape", () => {
    const id = "9b1e6f0a3c2d47e58a6b0c9d1e2f3a4b5c6d7e8f90a1b2c3d4e5f60718293a4b";
    const other = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    expect(mergeLines([id, "old"], [other, "new"], "podman run -d x")).toEqual([id, "new"]);
  });

  it("keeps escape hatches that still match: ..., [..], (re), (glob), (literal)", () => {
    const expected = ["start", "...", "end 12 (re)", "n: [..] ok", "f-*.txt (glob)", "pinned (literal)"];
    const got = ["start", "x", "y", "end 12", "n: anything ok", "f-1.txt", "pinned"];
    expect(mergeLines(expected, got, "x")).toEqual(expected);
  });

  it("replaces a hatch that no longer matches, and adds and drops lines", () => {
    expect(mergeLines(["a", "b \\d+ (re)", "gone"], ["a", "b x", "new1", "new2"], "x")).toEqual(["a", "b x", "new1", "new2"]);
    expect(mergeLines(["a", "b", "c"], ["a"], "x")).toEqual(["a"]);
  });

  it("pins a line of the run that would read as an escape hatch", () => {
    expect(mergeLines(["x"], ["...", "a [..] b", "c (re)"], "x")).toEqual(["... (literal)", "a [..] b (literal)", "c (re) (literal)"]);
  });

  it("reads output as the parser would: no ANSI, no CR, no trailing blank lines", () => {
    expect(outputLines("\x1b[31mred\x1b[0m\r\nb  \n\n\n")).toEqual(["red", "b"]);
  });
});

describe("rewriteExpectedOutput", () => {
  const LAB = "# T\n\n## S\n\n```console\n$ echo one\n    one!\n    two\n$ echo x\n$ ech0 y\n  y?\n```\n\ntail\n";

  it("replaces only the block's lines, in the block's indentation, and reports which commands", () => {
    const commands = commandsOf(LAB);
    const r = rewriteExpectedOutput(LAB, commands, [actual(6, "one\ntwo\n"), actual(9, "x\n"), actual(10, "bash: ech0: command not found\n", { exitCode: 127 })]);
    expect(r.text).toBe(LAB.replace("    one!\n", "    one\n"));
    expect(r.rewritten).toEqual([6]);
  });

  it("leaves commands alone that matched, that have no expected output, or that could not run", () => {
    const commands = commandsOf(LAB);
    const r = rewriteExpectedOutput(LAB, commands, [actual(6, "zzz\n", { matched: true }), actual(9, "x\n"), actual(10, "no\n", { exitCode: 127 })]);
    expect(r.text).toBe(LAB);
    expect(r.rewritten).toEqual([]);
  });

  it("keeps CRLF line ends and writes blank lines empty", () => {
    const crlf = LAB.replace(/\n/g, "\r\n");
    const r = rewriteExpectedOutput(crlf, commandsOf(crlf), [actual(6, "one\n\nthree\n")]);
    expect(r.text).toBe(crlf.replace("    one!\r\n    two\r\n", "    one\r\n\r\n    three\r\n"));
  });

  it("literal mode writes the run's output as it is", () => {
    const r = rewriteExpectedOutput(LAB, commandsOf(LAB), [actual(6, "one\ntwo\n")], { literal: new Set([6]) });
    expect(r.text).toContain("    one\n    two\n$ echo x");
  });
});
