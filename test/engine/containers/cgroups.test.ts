/**
 * cgroups as a container shows them: the scope each engine creates, the limits --memory/--cpus/--pids-limit write
 * in podman's formats (v2 on rhel9, v1 hierarchies on rhel7), /proc/<pid>/cgroup, systemd-cgls and podman stats.
 */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";

const UBI7 = "registry.access.redhat.com/ubi7/ubi";

describe("cgroup v2 (rhel9, crun's container sub-group)", async () => {
  const host = containerHost("rhel9");
  const steps = await runLines(host, [
    `podman run -d --name lim --memory 64m --cpus 2 --pids-limit 5 ${UBI7} sleep 1000`,
    `podman run -d --name free ${UBI7} sleep 1000`,
    "id=$(podman inspect -f '{{.Id}}' lim); cd /sys/fs/cgroup/machine.slice/libpod-$id.scope/container && cat memory.max cpu.max pids.max",
    "id=$(podman inspect -f '{{.Id}}' free); cd /sys/fs/cgroup/machine.slice/libpod-$id.scope/container && cat memory.max cpu.max pids.max",
    "cat /proc/$(podman inspect -f '{{.State.Pid}}' lim)/cgroup",
    "podman inspect -f '{{.Id}}' lim",
    "systemd-cgls /machine.slice",
    "podman stats --no-stream",
  ]);
  const out = (i: number) => steps[i]!.result.stdout;
  const id = out(5).trim();

  it("limits read back in podman's formats; none is max, podman's default pids limit is 2048", () => {
    expect(out(2)).toBe("67108864\n200000 100000\n5\n");
    expect(out(3)).toBe("max\nmax 100000\n2048\n");
  });

  it("the container's process is in the scope's container sub-group", () => {
    expect(out(4)).toBe(`0::/machine.slice/libpod-${id}.scope/container\n`);
  });

  it("systemd-cgls shows the scopes with their processes", () => {
    expect(out(6)).toMatch(new RegExp(`^Control group /machine\\.slice:\\n`));
    expect(out(6)).toContain(`libpod-${id}.scope\n│ └─container\n│   └─`);
    expect(out(6)).toMatch(/└─\d+ sleep 1000\n/);
    expect(out(6)).toContain(`libpod-conmon-${id}.scope`);
  });

  it("podman stats: the memory limit, and the machine's memory where there is none", () => {
    const lines = out(7).trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID\s+NAME\s+CPU %\s+MEM USAGE \/ LIMIT\s+MEM %\s+NET IO\s+BLOCK IO\s+PIDS\s+CPU TIME\s+AVG CPU %$/);
    expect(lines.find((l) => l.includes(" lim "))).toMatch(/ \d+(\.\d+)?[kM]B \/ 67\.11MB +\d+\.\d\d% +0B \/ 0B +0B \/ 0B +1 /);
    expect(lines.find((l) => l.includes(" free "))).toMatch(/ \/ 3\.917GB /);
  });
});

describe("cgroup v1 (rhel7, one hierarchy per controller)", async () => {
  const host = containerHost("rhel7");
  const steps = await runLines(host, [
    `podman run -d --name lim --memory 64m --cpus 0.5 --pids-limit 5 ${UBI7} sleep 1000`,
    "id=$(podman inspect -f '{{.Id}}' lim); for f in memory/machine.slice/libpod-$id.scope/memory.limit_in_bytes cpu,cpuacct/machine.slice/libpod-$id.scope/cpu.cfs_quota_us cpu,cpuacct/machine.slice/libpod-$id.scope/cpu.cfs_period_us pids/machine.slice/libpod-$id.scope/pids.max; do cat /sys/fs/cgroup/$f; done",
    "grep -c libpod /proc/$(podman inspect -f '{{.State.Pid}}' lim)/cgroup; grep memory /proc/$(podman inspect -f '{{.State.Pid}}' lim)/cgroup",
    "podman inspect -f '{{.Id}}' lim",
    "podman ps -q | while read i; do find /sys/fs/cgroup/ | grep $i | grep -c pids.max; done",
  ]);
  const out = (i: number) => steps[i]!.result.stdout;

  it("limits sit in each controller's hierarchy", () => {
    expect(out(1)).toBe("67108864\n50000\n100000\n5\n");
  });

  it("/proc/<pid>/cgroup has one line per hierarchy", () => {
    expect(out(2)).toBe(`11\n4:memory:/machine.slice/libpod-${out(3).trim()}.scope\n`);
  });

  it("the lab's find lists the container's and conmon's scopes", () => {
    expect(out(4)).toBe("2\n");
  });
});
