// Grading one target, with targets that misbehave on purpose: a host that cannot be reached is one error with its
// reason (not a row of zeros), a probe stopped by --check-timeout costs its own check only, and the probes of all
// checks travel in one round trip.
import { describe, expect, it } from "vitest";
import { findLab } from "../../../../runner/labs/find.js";
import { gradeTarget } from "../../../../runner/modes/grade/grade-target.js";
import { gradedChecks } from "../../../../runner/modes/grade/graded-checks.js";
import { PROBE_TIMED_OUT } from "../../../../runner/modes/grade/probe-timeout.js";
import { planLab } from "../../../../runner/play/plan.js";
import { createLocalTarget } from "../../../../runner/targets/local.js";
import { SshTargetError } from "../../../../runner/targets/ssh.js";
import type { Target } from "../../../../runner/targets/target.js";
import { repo } from "../test/bundled-cli.js";

const checks = gradedChecks(planLab(findLab(`${repo}/test/fixtures/grade/fleet-lab.md`)));

function fakeTarget(probe: Target["probe"]): Target {
  return { name: "fake", run: probe, probe, writeFile: async () => {}, prompt: () => "$ ", close: async () => {} };
}

describe("grading one target", () => {
  it("sends every probe in one round trip and grades every check, hidden ones included", async () => {
    const scripts: string[] = [];
    const local = await createLocalTarget();
    try {
      const target = fakeTarget(async (script, o) => (scripts.push(script), local.probe(`HOSTLAB_TEST_HOST=/nonexistent; ${script}`, o)));
      const result = await gradeTarget(target, checks, { batch: true, checkTimeoutS: 5 });
      expect(scripts).toHaveLength(1);
      if (!("checks" in result)) throw new Error(result.error);
      expect(result.checks.map((c) => [c.id, c.status, c.hidden])).toEqual([
        ["motd", "fail", false],
        ["listen", "fail", false],
        ["no-debug", "fail", true],
        ["selinux-port", "not-applicable", false],
      ]);
    } finally {
      await local.close();
    }
  });

  it("reports an unreachable host once, with the reason", async () => {
    const target = fakeTarget(async () => {
      throw new SshTargetError("connection refused: nothing listens on that port, or a firewall rejects it");
    });
    expect(await gradeTarget(target, checks, { batch: true })).toEqual({ error: "connection refused: nothing listens on that port, or a firewall rejects it" });
  });

  it("calls a host whose answer stops before the first probe an error, not a zero", async () => {
    const target = fakeTarget(async () => ({ stdout: "", stderr: "", exitCode: 0 }));
    expect(await gradeTarget(target, checks, { batch: true })).toMatchObject({ error: expect.stringMatching(/answer ended before the first probe/) });
  });

  it("charges a probe stopped by --check-timeout to its own checks only", async () => {
    const local = await createLocalTarget();
    try {
      // The motd probe blocks (sleep) on this "host"; the others answer.
      const target = fakeTarget((script, o) => local.probe(script.replaceAll('cat "$HOSTLAB_TEST_HOST/motd"', "sleep 30"), o));
      const started = Date.now();
      const result = await gradeTarget(target, checks, { batch: true, checkTimeoutS: 1 });
      expect(Date.now() - started).toBeLessThan(10_000);
      if (!("checks" in result)) throw new Error(result.error);
      const motd = result.checks.find((c) => c.id === "motd")!;
      expect(motd.status).toBe("error");
      expect(motd.message).toMatch(/^a probe did not finish within 1 s \(--check-timeout\)/);
      expect(result.checks.find((c) => c.id === "listen")!.status).toBe("fail");
      expect(JSON.stringify(result)).not.toContain(PROBE_TIMED_OUT);
    } finally {
      await local.close();
    }
  });
});
