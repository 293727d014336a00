import { describe, it, expect } from "vitest";
import { seeded, fakeContainer } from "../helpers.js";
import { openSession } from "../../../engine/index.js";

describe("/proc", () => {
  it("is generated from the task table", async () => {
    const { host, s } = seeded("rhel7");
    expect((await s.run("cat /proc/1/cmdline")).stdout).toBe("/usr/lib/systemd/systemd\0--switched-root\0--system\0--deserialize\0" + "22\0");
    expect((await s.run(`grep -E '^(Name|PPid|Seccomp):' /proc/${host.loginPid}/status`)).stdout).toBe("Name:\tbash\nPPid:\t" + host.tasks.byPid[host.loginPid].ppid + "\nSeccomp:\t0\n");
    expect((await s.run("readlink /proc/1/ns/mnt /proc/1/ns/pid")).stdout).toBe("mnt:[4026531840]\npid:[4026531836]\n");
    expect((await s.run("cat /proc/1/attr/current")).stdout).toBe("system_u:system_r:init_t:s0\0");
    // ls and grep are processes too while the line runs
    expect((await s.run("ls /proc | grep -c '^[0-9]'")).stdout).toBe(`${Object.keys(host.tasks.byPid).length + 2}\n`);
  });

  it("inside a container lists its pid namespace only, with its own numbers and namespaces", async () => {
    const { host, s } = seeded("rhel9");
    const c = fakeContainer(host, "c".repeat(64), ["top"], "c1,c2");
    const inside = openSession(host, { task: c.init });
    // top as 1, then the ls and grep of this very line
    expect((await inside.run("ls /proc | grep '^[0-9]'")).stdout).toBe("1\n2\n3\n");
    expect((await inside.run("cat /proc/1/cmdline")).stdout).toBe("top\0");
    const hostView = (await s.run(`readlink /proc/${c.init.pid}/ns/pid`)).stdout;
    expect(hostView).toBe(`pid:[${c.init.ns.pid}]\n`);
    expect(hostView).not.toBe((await s.run("readlink /proc/1/ns/pid")).stdout);
    expect((await s.run(`grep NSpid /proc/${c.init.pid}/status`)).stdout).toBe(`NSpid:\t${c.init.pid}\t1\n`);
  });
});

describe("/proc/self", () => {
  it("is the process reading it, shell builtins and library programs alike", async () => {
    const { s } = seeded("rhel7");
    expect((await s.run("cat /proc/self/comm")).stdout).toBe("cat\n");
    expect((await s.run("grep Name /proc/self/status")).stdout).toBe("Name:\tgrep\n");
    expect((await s.run("ls -l /proc/self/status | wc -l")).stdout).toBe("1\n");
  });
});
