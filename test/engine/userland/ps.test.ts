import { describe, it, expect } from "vitest";
import { seeded, fakeContainer } from "../helpers.js";
import { openSession } from "../../../engine/index.js";

describe("ps", () => {
  it("prints -efZ with RHEL 7's widened LABEL column and procps' absorbed padding", async () => {
    const { host, s } = seeded("rhel7");
    const a = fakeContainer(host, "a".repeat(64), ["top"], "c322,c619");
    const b = fakeContainer(host, "b".repeat(64), ["top"], "c589,c798");
    const out = (await s.run('ps -efZ | grep -v grep | grep " top"')).stdout.trim().split("\n");
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(new RegExp(`^system_u:system_r:container_t:s0:c322,c619 root ${a.init.pid} ${a.conmon.pid}  1 13:00 pts/1 00:00:00 top$`));
    expect(out[1]).toContain(`system_u:system_r:container_t:s0:c589,c798 root ${b.init.pid} ${b.conmon.pid}  1 13:00 pts/1 00:00:00 top`);
  });

  it("shows the header and aligned columns of ps -ef", async () => {
    const { s } = seeded("rhel7");
    const lines = (await s.run("ps -ef")).stdout.split("\n");
    expect(lines[0]).toBe("UID        PID  PPID  C STIME TTY          TIME CMD");
    expect(lines[1]).toMatch(/^root         1     0  0 \d\d:\d\d \?        00:00:\d\d \/usr\/lib\/systemd\/systemd/);
    expect(lines.some((l) => /\[kthreadd\]$/.test(l))).toBe(true);
  });

  it("lists the other members of its own pipeline (ps -ef | grep top shows grep top)", async () => {
    const { s, host } = seeded("rhel7");
    const out = (await s.run("ps -ef | grep top")).stdout.trim().split("\n");
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/ grep top$/);
    const [, pid, ppid] = out[0].split(/\s+/);
    expect(Number(ppid)).toBe(host.loginPid);
    expect(Number(pid)).toBeGreaterThan(host.loginPid);
    // and they are gone afterwards
    expect((await s.run("ps -ef | grep -c 'grep top'")).stdout).toBe("1\n");
  });

  it("supports -o with headers, -p, and aux", async () => {
    const { s } = seeded("rhel9");
    expect((await s.run("ps -o pid,comm -p 1")).stdout).toBe("  PID COMMAND\n    1 systemd\n");
    expect((await s.run("ps -p 1 -o pid= -o label=CTX")).stdout).toBe("      CTX\n    1 system_u:system_r:init_t:s0\n");
    // all headers empty: no header line
    expect((await s.run("ps -p 1 -o pid= -o comm=")).stdout).toBe("    1 systemd\n");
    // procps: everything after "=" is the header, commas included
    expect((await s.run("ps -p 1 -o pid=,label=CTX")).stdout).toBe(",label=CTX\n    1\n");
    const aux = (await s.run("ps aux")).stdout.split("\n");
    expect(aux[0]).toBe("USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND");
    expect((await s.run("ps -o bogus")).exitCode).toBe(1);
  });

  it("sees only the container's processes inside its pid namespace, init as pid 1", async () => {
    const { host, s } = seeded("rhel7");
    const c = fakeContainer(host, "c".repeat(64), ["sleep", "1000"], "c1,c2");
    const inside = openSession(host, { task: c.init });
    const out = (await inside.run("ps -ef")).stdout.trim().split("\n");
    expect(out[1]).toMatch(/^root         1     0  \d \d\d:\d\d pts\/1    00:00:00 sleep 1000$/);
    expect(out.some((l) => l.includes("systemd"))).toBe(false);
    // the host sees it too (plus the grep looking for it)
    expect((await s.run("ps -ef | grep -c 'sleep 1000'")).stdout).toBe("2\n");
  });

  it("drops a task at its exitAt (sleep 10 gone 10 virtual seconds later)", async () => {
    const { host, s } = seeded("rhel7");
    const c = fakeContainer(host, "d".repeat(64), ["sleep", "10"], "c3,c4");
    c.init.exitAt = host.clock.nowMs + 10_000;
    expect((await s.run("ps -ef | grep -v grep | grep -c 'sleep 10'")).stdout).toBe("1\n");
    await s.run("sleep 10");
    expect((await s.run("ps -ef | grep -v grep | grep -c 'sleep 10'")).stdout).toBe("0\n");
  });
});
