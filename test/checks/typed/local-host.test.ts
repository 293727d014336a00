// The probes on a real machine: this one (Linux, procps, coreutils, usually no SELinux), through /bin/sh — the same
// way `--target local` and SSH targets run them. Proves the probes are plain POSIX shell that real tools answer,
// and that a host without SELinux gets "not applicable" from real `ps -Z` / `ls -Z` output.
import { execFile, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCheck, runChecks } from "../../../checks/check.js";
import type { RunProbe } from "../../../checks/probe.js";
import { oneCheck } from "./helpers.js";

const local: RunProbe = (command) =>
  new Promise((resolve) => {
    execFile("/bin/sh", ["-c", command], { maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 1) : 0;
      resolve({ stdout, stderr, exitCode: code });
    });
  });

const dir = mkdtempSync(join(tmpdir(), "hostlab-checks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("checks on this machine (real ps, ls, stat)", () => {
  it("sees a process start and stop", async () => {
    const check = oneCheck(`{type: process, title: t, command: "sleep 4242", count: 1}`);
    expect((await runCheck(check, local)).status).toBe("fail");
    const child = spawn("sleep", ["4242"], { stdio: "ignore" });
    try {
      await new Promise((r) => setTimeout(r, 100));
      const v = await runCheck(check, local);
      expect(v.status).toBe("pass");
      expect(v.evidence).toContain(`${child.pid}`);
    } finally {
      child.kill();
    }
  });

  it("reads file kind, mode and content with real stat and cat", async () => {
    const file = join(dir, "profile.json");
    writeFileSync(file, '{"defaultAction": "SCMP_ACT_ALLOW"}\n');
    chmodSync(file, 0o600);
    const yaml = `{type: file, title: t, path: "${file}", kind: file, mode: "600", contains: SCMP_ACT_ALLOW}`;
    expect((await runCheck(oneCheck(yaml), local)).status).toBe("pass");
    expect((await runCheck(oneCheck(yaml.replace('"600"', '"644"')), local)).status).toBe("fail");
    expect((await runCheck(oneCheck(`{type: file, title: t, path: "${file}.nope", exists: false}`), local)).status).toBe("pass");
  });

  it("judges SELinux checks from real output: not applicable here unless the machine runs SELinux", async () => {
    const selinux = (await local("getenforce 2>/dev/null || ls -dZ / 2>/dev/null")).stdout.trim();
    const hasSelinux = /^(Enforcing|Permissive)$/.test(selinux) || /:/.test(selinux);
    const checks = [
      oneCheck(`{type: process-label, title: t, command-matches: ".", selinux-type: container_t}`),
      oneCheck(`{type: file-label, title: t, path: "${dir}", selinux-type: container_file_t}`),
    ];
    for (const v of await runChecks(checks, local)) {
      if (hasSelinux) expect(v.status).toBe("fail");
      else expect(v).toMatchObject({ status: "not-applicable", message: "SELinux is disabled on this host" });
    }
  });

  it("reads namespaces of pid 1 with real readlink, batched through a real shell", async () => {
    const check = oneCheck(`{type: exit-code, title: t, command: "readlink /proc/self/ns/net"}`);
    const [v, again] = await runChecks([check, oneCheck(`{type: output, title: t, command: "readlink /proc/self/ns/net", matches: '^net:\\[\\d+\\]$'}`)], local, { batch: true });
    expect(v.status).toBe("pass");
    expect(again.status).toBe("pass");
  });
});
