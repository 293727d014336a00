// Grading hosts one by one into records: this machine through the local target, an unreachable SSH host as an
// error record worth the whole lab, and the pool appending each record to the results file as it finishes.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { targetEntry } from "../../../../runner/inventory/inventory.js";
import { findLab } from "../../../../runner/labs/find.js";
import { gradeEntry, gradeFleet, type FleetOptions } from "../../../../runner/modes/grade/grade-fleet.js";
import { gradedChecks } from "../../../../runner/modes/grade/graded-checks.js";
import { readResults } from "../../../../runner/modes/grade/results-log.js";
import { planLab } from "../../../../runner/play/plan.js";
import { repo } from "../test/bundled-cli.js";

const checks = gradedChecks(planLab(findLab(`${repo}/test/fixtures/grade/fleet-lab.md`)));
const options = (extra: Partial<FleetOptions> = {}): FleetOptions => ({ lab: { id: "fleet-lab", hash: "sha256:t" }, checks, jobs: 4, hostTimeoutMs: 10_000, checkTimeoutS: 5, ...extra });

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe("grading hosts into records", () => {
  it("grades this machine with --target local: the probes see its state", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hostlab-local-host-"));
    writeFileSync(path.join(dir, "motd"), "welcome\n");
    mkdirSync(path.join(dir, "httpd"));
    writeFileSync(path.join(dir, "httpd/httpd.conf"), "Listen 8080\n");
    process.env.HOSTLAB_TEST_HOST = dir; // inherited by the local target's bash
    try {
      const g = await gradeEntry(targetEntry("local", 0), options());
      expect(g).toMatchObject({ host: "local", target: "local", status: "graded", score: 6, maxScore: 6 });
      expect(g.checks.find((c) => c.id === "selinux-port")).toMatchObject({ status: "not-applicable", message: "SELinux is disabled on this host" });
    } finally {
      delete process.env.HOSTLAB_TEST_HOST;
    }
  });

  it("records an unreachable host as an error worth the whole lab, never a silent zero", async () => {
    const g = await gradeEntry(targetEntry(`nobody@127.0.0.1:${await closedPort()}`, 3), options({ ssh: { sshOptions: ["BatchMode=yes"] } }));
    expect(g).toMatchObject({ index: 3, status: "error", score: 0, maxScore: 7, checks: [] });
    expect(g.error).toMatch(/^connection refused/);
  });

  it("appends each host's record to the results file as it finishes", async () => {
    const results = path.join(mkdtempSync(path.join(tmpdir(), "hostlab-fleet-")), "r.jsonl");
    const ports = [await closedPort(), await closedPort()];
    const seen: string[] = [];
    const grades = await gradeFleet(
      ports.map((p, i) => targetEntry(`nobody@127.0.0.1:${p}`, i)),
      options({ resultsPath: results, onGraded: (g) => seen.push(g.host) }),
    );
    expect(grades).toHaveLength(2);
    expect(readResults(results).grades.map((g) => g.host).sort()).toEqual([...seen].sort());
  });
});
