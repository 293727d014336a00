// Testing one lab in-process: transcripts judged, checks self-tested around their step, lab errors located.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseLab } from "../../../../runner/parse/index.js";
import { testLab, testLabFile } from "../../../../runner/modes/test/run-lab.js";
import { labPassed } from "../../../../runner/report/results.js";

const fixtures = path.resolve(import.meta.dirname, "../../../fixtures/test-mode");
const fixture = (name: string) => path.join(fixtures, name);

describe("testLabFile", () => {
  it("passes a lab whose outputs and checks hold, with every command and check reported", async () => {
    const { outcome, actuals } = await testLabFile(fixture("basics.md"));
    expect(outcome.errors).toEqual([]);
    expect(labPassed(outcome)).toBe(true);
    expect(outcome.id).toBe("basics");
    expect(outcome.steps.map((s) => s.title)).toEqual(["Files and folders", "Working directory and variables"]);
    const [first] = outcome.steps;
    expect(first.commands.map((c) => [c.line, c.status])).toEqual([
      [16, "not-applicable"],
      [17, "not-applicable"],
      [18, "pass"],
      [20, "pass"],
    ]);
    expect(first.checks).toMatchObject([{ title: "the greeting exists", status: "pass", line: 25 }]);
    expect(actuals.find((a) => a.line === 18)).toMatchObject({ output: "hello from the lab\n", matched: true, exitCode: 0 });
  });

  it("reports a check that passes before its step as a lab error at the check's line", async () => {
    const { outcome } = await testLabFile(fixture("early-check.md"));
    expect(labPassed(outcome)).toBe(false);
    expect(outcome.errors).toEqual([{ line: 12, message: expect.stringContaining("check 'hosts-file' passes before its step runs: it cannot fail") }]);
    expect(outcome.steps[0].checks[0]).toMatchObject({ status: "error", id: "hosts-file" });
  });

  it("fails a check that does not pass after its step, with its message", async () => {
    const { outcome } = await testLabFile(fixture("never-passes.md"));
    expect(outcome.errors).toEqual([]);
    expect(outcome.steps[0].checks[0]).toMatchObject({ status: "fail", message: expect.stringContaining("does not exist") });
  });

  it("fails a command that is not found, whatever its output, and goes on with the next", async () => {
    const { outcome } = await testLabFile(fixture("not-found.md"));
    const [typo, next] = outcome.steps[0].commands;
    expect(typo).toMatchObject({ status: "fail", exitCode: 127, diff: "bash: ech0: command not found" });
    expect(next.status).toBe("pass");
  });

  it("shows a readable diff when an expected output changed", async () => {
    const text = readFileSync(fixture("basics.md"), "utf8").replace("  hello from the lab", "  hello from a lab");
    const { outcome } = await testLab(parseLab(text, "basics.md"));
    const cat = outcome.steps[0].commands.find((c) => c.line === 18)!;
    expect(cat.status).toBe("fail");
    expect(cat.diff).toContain("- hello from a lab");
    expect(cat.diff).toContain("+ hello from the lab");
  });

  it("turns lint errors, failed setup and unreadable files into located lab errors", async () => {
    const lab = parseLab("---\nsetup:\n  - nosuchcommand --now\nbogus: 1\n---\n# X\n\n## S\n\n```console\n$ echo hi\n  hi\n```\n", "x.md");
    const { outcome } = await testLab(lab);
    expect(outcome.errors.map((e) => e.line)).toEqual(expect.arrayContaining([2, 4]));
    expect(outcome.errors.find((e) => e.line === 2)?.message).toContain("setup command `nosuchcommand --now` failed (exit 127)");
    expect((await testLabFile(fixture("missing.md"))).outcome.errors[0].message).toContain("no such file");
  });

  it("runs checks on a copy of the host: the commands print the same bytes with and without the checks", async () => {
    const text = readFileSync(fixture("podman.md"), "utf8");
    const withChecks = await testLab(parseLab(text, "podman.md"));
    expect(labPassed(withChecks.outcome)).toBe(true);
    expect(withChecks.outcome.steps.flatMap((s) => s.checks.map((c) => c.status))).toEqual(["pass", "pass"]);
    const bare = await testLab(parseLab(text.replace(/```check\n[\s\S]*?```\n/g, ""), "podman.md"));
    expect(bare.outcome.steps.flatMap((s) => s.checks)).toEqual([]);
    expect(bare.actuals.map((a) => a.output)).toEqual(withChecks.actuals.map((a) => a.output));
  });

  it("is deterministic: the same lab twice gives the same outcome", async () => {
    const strip = (o: unknown) => JSON.parse(JSON.stringify(o, (k, v) => (k === "durationMs" ? 0 : v)));
    const a = await testLabFile(fixture("basics.md"));
    const b = await testLabFile(fixture("basics.md"));
    expect(strip(a)).toEqual(strip(b));
  });
});
