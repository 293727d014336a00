// The container-hosts lab's checks against real podman on this machine (`hostlab grade --target local`), as the
// issue's acceptance asks: podman, runc and conmon from Debian (scripts/ci-deps.mjs), a private configuration and
// locally built images (test/support/podman.ts), then the lab's commands that make the graded state, with two
// substitutions so nothing outside temp dirs is touched: the host's /mnt becomes a temp dir, and the seccomp
// profile is the lab's own `file=` block written to a temp dir. Graded before the steps, the four checks that need
// no SELinux fail; after them, they pass. The three SELinux checks say "not applicable" both times and never count.
// Run with `npm run test:podman` (root only; *.slow.test.ts is outside the default suite).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLab } from "../../../../runner/labs/find.js";
import { planLab } from "../../../../runner/play/plan.js";
import type { GradeJsonReport } from "../../../../runner/report/grade-json.js";
import { bundleCli, repo, runCli } from "../test/bundled-cli.js";
import { podmanAvailable, startPodman, type PodmanSandbox } from "../../../support/podman.js";

const LAB = path.join(repo, "labs/container-hosts.md");
const UBI = "registry.access.redhat.com/ubi9/ubi";
const ON_OFF = "quay.io/fatherlinux/on-off-container";
const NO_SELINUX = ["on-off-merged-mounted", "on-off-running", "capped-memory", "chmod-denied"];
const SELINUX = ["top-distinct-mcs", "sleep-distinct-mcs", "selinux-test-relabelled"];

let bundle = "";
let sandbox: PodmanSandbox;
let dir = "";

beforeAll(async () => {
  if (!podmanAvailable()) return;
  dir = mkdtempSync(path.join(tmpdir(), "hostlab-grade-podman-"));
  [bundle, sandbox] = await Promise.all([
    bundleCli("grade-podman"),
    // The on-off image starts top only once /mnt/on exists, as the lab's image does.
    startPodman([{ name: UBI }, { name: ON_OFF, cmd: ["/bin/sh", "-c", "if [ -f /mnt/on ]; then exec top; fi"] }]),
  ]);
}, 120_000);
afterAll(async () => {
  await sandbox?.cleanup();
});

function gradeLocal(results: string): GradeJsonReport {
  const r = runCli(bundle, dir, ["grade", LAB, "--target", "local", "--yes", "--results", results, "--reporter", "json", "--quiet"], sandbox.env);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0); // the host was graded, whatever it scored
  return JSON.parse(r.stdout) as GradeJsonReport;
}

const statuses = (report: GradeJsonReport) => Object.fromEntries(report.hosts[0].checks.map((c) => [c.id, c.status]));

describe.skipIf(!podmanAvailable())("hostlab grade --target local on real podman", () => {
  it("fails the podman checks on an untouched host, and says not applicable for the SELinux ones", () => {
    const report = gradeLocal("before.jsonl");
    const s = statuses(report);
    for (const id of NO_SELINUX) expect(s[id], id).toBe("fail");
    for (const id of SELINUX) expect(s[id], id).toBe("not-applicable");
    expect(report.hosts[0].score).toBe(0);
  }, 60_000);

  it("passes them after the lab's steps; the SELinux checks stay not applicable and out of the maximum", async () => {
    const mnt = path.join(sandbox.dir, "mnt");
    mkdirSync(mnt);
    const profileFile = planLab(findLab(LAB)).steps.flatMap((s) => s.files).find((f) => f.path === "profiles/no-chmod.json")!;
    const profile = path.join(sandbox.dir, "no-chmod.json");
    writeFileSync(profile, profileFile.content);
    const step = async (args: string[], exitCode = 0) => {
      const r = await sandbox.podman(args);
      expect(r.exitCode, `podman ${args.join(" ")}: ${r.stderr}`).toBe(exitCode);
      return r;
    };
    await step(["create", "-t", "--name", "on-off-container", "-v", `${mnt}:/mnt:Z`, ON_OFF]);
    await step(["mount", "on-off-container"]);
    await step(["start", "on-off-container"]); // exits at once: no /mnt/on yet
    writeFileSync(path.join(mnt, "on"), "");
    await step(["start", "on-off-container"]);
    await step(["run", "-d", "--name", "capped", "--memory", "64m", UBI, "sleep", "600"]);
    const denied = await step(["run", "--security-opt", `seccomp=${profile}`, UBI, "chmod", "777", "/etc/hosts"], 1);
    expect(denied.stderr).toContain("chmod: changing permissions of '/etc/hosts': Operation not permitted");

    const report = gradeLocal("after.jsonl");
    const s = statuses(report);
    for (const id of NO_SELINUX) expect(s[id], `${id}: ${JSON.stringify(report.hosts[0].checks.find((c) => c.id === id))}`).toBe("pass");
    for (const c of report.hosts[0].checks.filter((k) => SELINUX.includes(k.id))) {
      expect(c.status).toBe("not-applicable");
      expect(c.message).toBe("SELinux is disabled on this host");
    }
    const points = report.hosts[0].checks.filter((c) => NO_SELINUX.includes(c.id)).reduce((sum, c) => sum + c.maxPoints, 0);
    expect(report.hosts[0].score).toBe(points);
    expect(report.hosts[0].maxScore).toBe(points);
    const table = runCli(bundle, dir, ["report", "merge", "after.jsonl"]).stdout;
    expect(table).toContain("– top-distinct-mcs (not applicable): SELinux is disabled on this host");
  }, 60_000);
});
