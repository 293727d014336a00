import { describe, it, expect } from "vitest";
import { seeded } from "../helpers.js";
import { createCgroup, spawnTask } from "../../../engine/index.js";

describe("/sys/fs/cgroup", () => {
  it("generates the v2 tree from the kernel's groups, with limits and members", async () => {
    const { host, s } = seeded("rhel9");
    const g = "/machine.slice/libpod-" + "a".repeat(64) + ".scope/container";
    createCgroup(host, g, { "memory.max": "44040192", "pids.max": "2048" });
    const t = spawnTask(host, { ppid: 1, argv: ["sleep", "100"], cgroup: g });
    expect((await s.run(`cat /sys/fs/cgroup${g}/memory.max /sys/fs/cgroup${g}/pids.max /sys/fs/cgroup${g}/cpu.max`)).stdout).toBe("44040192\n2048\nmax 100000\n");
    expect((await s.run(`cat /sys/fs/cgroup${g}/cgroup.procs`)).stdout).toBe(`${t.pid}\n`);
    expect((await s.run(`find /sys/fs/cgroup/ | grep aaaaaaaaaaaa | grep -c 'memory\.max$'`)).stdout).toBe("2\n"); // the scope and its container sub-group
    await s.run(`echo 100000000 > /sys/fs/cgroup${g}/memory.max`);
    // the kernel keeps memory limits in pages: 100000000 bytes read back rounded down to 4096
    expect(host.cgroups.groups[g].limits["memory.max"]).toBe("99999744");
    expect((await s.run(`cat /proc/${t.pid}/cgroup`)).stdout).toBe(`0::${g}\n`);
    expect((await s.run("mkdir /sys/fs/cgroup/lab && ls /sys/fs/cgroup/lab | grep -c pids.max")).stdout).toBe("1\n");
  });

  it("mirrors the tree in every v1 hierarchy with its own files", async () => {
    const { host, s } = seeded("rhel7");
    const g = "/machine.slice/libpod-" + "b".repeat(64) + ".scope";
    createCgroup(host, g, { "memory.limit_in_bytes": "44040192" });
    expect((await s.run(`cat /sys/fs/cgroup/memory${g}/memory.limit_in_bytes /sys/fs/cgroup/pids${g}/pids.max`)).stdout).toBe("44040192\nmax\n");
    expect((await s.run(`cat /sys/fs/cgroup/cpu,cpuacct${g}/cpu.shares /sys/fs/cgroup/cpu${g}/cpu.cfs_quota_us`)).stdout).toBe("1024\n-1\n");
    expect((await s.run("ls /sys/fs/cgroup/memory/cgroup.sane_behavior")).exitCode).toBe(0);
  });
});
