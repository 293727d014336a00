// `hostlab grade` as an instructor runs it: the bundled CLI against a classroom of real loopback sshd hosts
// (test/support/grade-fleet.ts) — scores and reasons per host, bounded by its timeouts, exit 1 when a host could not
// be graded, reports, shards merged, and a grader killed part-way that --resume finishes with the same report.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleCli, repo, runCliAsync } from "../modes/test/bundled-cli.js";
import { startClassroom, type Classroom } from "../../support/grade-fleet.js";
import { sshdAvailable } from "../../support/sshd.js";

const LAB = path.join(repo, "test/fixtures/grade/fleet-lab.md");
let bundle = "";
let room: Classroom;
let dir = "";

beforeAll(async () => {
  [bundle, room] = await Promise.all([bundleCli("grade-command"), startClassroom()]);
  dir = mkdtempSync(path.join(tmpdir(), "hostlab-grade-cli-"));
  writeFileSync(path.join(dir, "class.txt"), room.inventory);
}, 60_000);
afterAll(async () => {
  await room?.fleet.stop();
});

const grade = (...args: string[]) => runCliAsync(bundle, dir, ["grade", LAB, ...room.sshFlags, ...args]);

describe.skipIf(!sshdAvailable())("hostlab grade over SSH", () => {
  it("scores each host as its state deserves, names why the others could not be graded, within its timeouts", async () => {
    const started = Date.now();
    const r = await grade("--inventory", "class.txt", "--jobs", "7", "--timeout", "5", "--check-timeout", "2", "--results", "all.jsonl");
    const elapsed = Date.now() - started;
    expect(r.code).toBe(1);
    const row = (student: string) => r.stdout.split("\n").find((l) => l.startsWith(student + " "))!;
    expect(row("complete")).toMatch(/ 6\/6$/);
    expect(row("partial")).toMatch(/ 2\/6$/);
    expect(row("untouched")).toMatch(/ 0\/6$/);
    expect(row("fifo")).toMatch(/ 4\/6$/);
    for (const s of ["hang", "nokey", "closed"]) expect(row(s)).toMatch(/ ERROR$/);
    expect(r.stdout).toContain("✗ listen (0/3): no line of `cat \"$HOSTLAB_TEST_HOST/httpd/httpd.conf\"` matches /^Listen 8080$/");
    expect(r.stdout).toMatch(/! motd \(error\): a probe did not finish within 2 s \(--check-timeout\)/);
    expect(r.stdout).toContain("✗ timed out after 5 s before the host ran anything");
    expect(r.stdout).toContain("✗ permission denied: the host refused the key (publickey)");
    expect(r.stdout).toContain("✗ connection refused");
    // Not applicable is shown, and never counted against the student (6 points, not 7).
    expect(r.stdout).toContain("– selinux-port (not applicable): SELinux is disabled on this host");
    expect(r.stdout).toContain("4 graded · 3 could not be graded · 1 with full marks");
    expect(elapsed).toBeLessThan(15_000); // the hung host's 5 s, plus start-up, on a loaded machine
    const lines = readFileSync(path.join(dir, "all.jsonl"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(7);
  }, 30_000);

  it("writes JSON, JUnit, TAP and CSV reports; --output is atomic and the table still prints", async () => {
    const hosts = ["--target", room.dest("complete"), "--target", room.dest("partial")];
    const r = await grade(...hosts, "--results", "two.jsonl", "--reporter", "junit", "--output", "two.xml");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 graded");
    const xml = readFileSync(path.join(dir, "two.xml"), "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<testsuite name="[^"]*127\.0\.0\.1:\d+ 2\/6"/);
    expect(xml).toContain('<skipped message="not applicable: SELinux is disabled on this host"/>');
    const again = (reporter: string) => runCliAsync(bundle, dir, ["report", "merge", "two.jsonl", "--reporter", reporter]);
    const [jsonOut, tapOut, csvOut] = await Promise.all([again("json"), again("tap"), again("csv")]);
    const json = JSON.parse(jsonOut.stdout);
    expect(json.summary).toEqual({ hosts: 2, graded: 2, errors: 0 });
    expect(json.hosts.map((h: { score: number }) => h.score)).toEqual([6, 2]);
    const tap = tapOut.stdout;
    expect(tap).toMatch(/^TAP version 14\n1\.\.2\n/);
    expect(tap).toContain("# SKIP not applicable: SELinux is disabled on this host");
    const csv = csvOut.stdout.split("\r\n");
    expect(csv[0]).toBe("student,host,status,score,max_score,failed,error,motd,listen,no-debug,selinux-port");
    expect(csv[2]).toMatch(/,graded,2,6,listen no-debug,,2,0,0,n\/a$/);
  }, 30_000);

  it("refuses to overwrite a results file without --resume or --fresh (exit 2)", async () => {
    writeFileSync(path.join(dir, "old.jsonl"), readFileSync(path.join(dir, "two.jsonl")));
    const r = await grade("--target", room.dest("complete"), "--results", "old.jsonl");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/old\.jsonl already holds 2 graded hosts: --resume continues that run, --fresh starts over/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("grades shards that `report merge` joins into the report of a whole run", async () => {
    const ok = ["complete", "partial", "untouched"].map((n) => `${room.dest(n)} ${n}`).join("\n") + "\n";
    writeFileSync(path.join(dir, "ok.txt"), ok);
    const [s1, s2, whole] = await Promise.all([
      grade("--inventory", "ok.txt", "--shard", "1/2", "--results", "s1.jsonl"),
      grade("--inventory", "ok.txt", "--shard", "2/2", "--results", "s2.jsonl"),
      grade("--inventory", "ok.txt", "--results", "whole.jsonl"),
    ]);
    expect([s1.code, s2.code, whole.code]).toEqual([0, 0, 0]);
    expect(s1.stdout).toContain("complete ");
    expect(s1.stdout).toContain("untouched ");
    expect(s1.stdout).not.toContain("partial ");
    const merged = await runCliAsync(bundle, dir, ["report", "merge", "s2.jsonl", "s1.jsonl"]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
  }, 30_000);

  it("after a SIGKILL part-way, --resume grades only the rest and prints the report of an uninterrupted run", async () => {
    const five = ["complete", "partial", "untouched", "nokey", "closed"].map((n) => `${room.dest(n)} ${n}`).join("\n") + "\n";
    writeFileSync(path.join(dir, "five.txt"), five);
    const args = ["grade", LAB, ...room.sshFlags, "--inventory", "five.txt", "--timeout", "5"];
    const results = path.join(dir, "killed.jsonl");
    const child = spawn(process.execPath, [bundle, ...args, "--jobs", "1", "--results", "killed.jsonl"], { cwd: dir, stdio: "ignore" });
    const exited = new Promise((r) => child.on("exit", r));
    // Kill as soon as two hosts are on disk: mid-run, with a third host's ssh in flight.
    for (let i = 0; i < 400; i++) {
      if (existsSync(results) && readFileSync(results, "utf8").split("\n").filter(Boolean).length >= 2) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill("SIGKILL");
    await exited;
    const kept = readFileSync(results, "utf8").split("\n").filter(Boolean).length;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThan(5);
    const [resumed, straight] = await Promise.all([
      // However many hosts run at once, the report is the same: it is read back from the file in inventory order.
      runCliAsync(bundle, dir, [...args, "--jobs", "5", "--results", "killed.jsonl", "--resume"]),
      runCliAsync(bundle, dir, [...args, "--jobs", "5", "--results", "straight.jsonl"]),
    ]);
    expect(resumed.stderr).toContain(`resuming: ${kept} of 5 hosts already graded`);
    expect(resumed.code).toBe(1); // nokey and closed could not be graded
    expect(straight.code).toBe(1);
    expect(resumed.stdout).toBe(straight.stdout);
    expect(resumed.stdout).toContain("complete ");
  }, 40_000);
});
