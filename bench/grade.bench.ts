// `hostlab grade` over SSH: 50 lab hosts on loopback — 50 listening ports of 4 sshd daemons (sshd takes at most 16
// listen sockets each; test/support/sshd.ts), every port its own host state through `Match LocalPort` — graded with
// test/fixtures/grade/fleet-lab.md (4 checks, 4 distinct probes plus the SELinux capability probe, one round trip
// per host). Figures: one host alone (login + one batch script + closing the master), the 50 in-process at
// --jobs 8 and 16, and the 50 through the bundled CLI (node start-up, the results file, the report).
// Aim (issue 7): 50 hosts under 10 s. Figures on a shared machine vary from run to run.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { findLab } from "../runner/labs/find.js";
import { targetEntry } from "../runner/inventory/inventory.js";
import { gradeEntry, gradeFleet, type FleetOptions } from "../runner/modes/grade/grade-fleet.js";
import { gradedChecks } from "../runner/modes/grade/graded-checks.js";
import { planLab } from "../runner/play/plan.js";
import { startSshd } from "../test/support/sshd.js";
import { report, timeMedian } from "./measure.js";

const HOSTS = 50;

// CPU seconds of this process and its waited-for children (the ssh clients): utime, stime, cutime, cstime of
// proc(5)'s /proc/self/stat, in clock ticks (100 per second on Linux). The sshd side is not in it.
function cpuMs(pid: number | "self" = "self"): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * 10;
}
const root = path.resolve(import.meta.dirname, "..");
const LAB = path.join(root, "test/fixtures/grade/fleet-lab.md");
const fleet = await startSshd(Array.from({ length: HOSTS }, (_, i) => ({ name: `h${i}` })));
try {
  fleet.hosts.forEach((h, i) => {
    if (i % 2) return;
    writeFileSync(path.join(h.dir, "motd"), "welcome\n");
    mkdirSync(path.join(h.dir, "httpd"));
    writeFileSync(path.join(h.dir, "httpd/httpd.conf"), "Listen 8080\n");
  });
  const entries = fleet.hosts.map((h, i) => targetEntry(h.destination, i));
  const options = (jobs: number): FleetOptions => ({
    lab: { id: "fleet-lab", hash: "bench" },
    checks: gradedChecks(planLab(findLab(LAB))),
    jobs,
    hostTimeoutMs: 30_000,
    checkTimeoutS: 20,
    ssh: { identity: fleet.identity, sshOptions: fleet.sshOptions },
  });

  const one = await timeMedian(() => gradeEntry(entries[0], options(1)), 7, 1);
  report("grade 1 host over ssh", one, "ms", "login, one batch of probes, master closed");
  for (const jobs of [8, 16]) {
    let graded = 0;
    const sshdCpu = () => fleet.pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
    const cpu0 = cpuMs();
    const server0 = sshdCpu();
    const wall = await timeMedian(async () => {
      const grades = await gradeFleet(entries, options(jobs));
      graded = grades.filter((g) => g.status === "graded").length;
    }, 3, 0);
    const cpu = (cpuMs() - cpu0) / 3 / HOSTS;
    const server = (sshdCpu() - server0) / 3 / HOSTS;
    report(
      `grade ${HOSTS} hosts --jobs ${jobs} (in-process)`,
      wall,
      "ms",
      `${graded}/${HOSTS} graded; per host: ${(wall / HOSTS).toFixed(0)} ms wall, ${cpu.toFixed(0)} ms grader CPU (node + ssh), ${server.toFixed(0)} ms sshd CPU`,
    );
    // On an otherwise idle 2-core machine the run is CPU-bound: client and server CPU over the two cores.
    report(`grade ${HOSTS} hosts --jobs ${jobs}: CPU-bound estimate on an idle 2-core machine`, (HOSTS * (cpu + server)) / 2, "ms", "(grader + sshd CPU) x hosts / 2 cores");
  }

  const outdir = path.join(root, "node_modules/.cache/hostlab-bench-grade");
  await build({ entryPoints: [{ in: path.join(root, "runner/cli/main.ts"), out: "hostlab" }], outdir, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
  const dir = mkdtempSync(path.join(tmpdir(), "hostlab-bench-grade-"));
  writeFileSync(path.join(dir, "class.txt"), fleet.hosts.map((h) => h.destination).join("\n") + "\n");
  let run = 0;
  const cli = await timeMedian(() => {
    const r = spawnSync(process.execPath, [path.join(outdir, "hostlab.js"), "grade", LAB, "--inventory", "class.txt", "--jobs", "16", "--quiet", "-r", "json",
      "--results", `r${run++}.jsonl`, "-i", fleet.identity, ...fleet.sshOptions.flatMap((o) => ["-o", o])], { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`hostlab grade failed: ${r.stderr}`);
  }, 3, 0);
  report(`hostlab grade ${HOSTS} hosts --jobs 16 (CLI, end to end)`, cli, "ms", "bundled CLI, node start-up and results file included");
  report("load average during the bench", loadavg()[0], "", "1-minute; the machine has 2 cores shared with sshd and anything else running");
} finally {
  await fleet.stop();
}
