import { describe, expect, it } from "vitest";
import { verdictOn } from "./helpers.js";

describe("cgroup-limit check", () => {
  it("reads v2 limits from crun's `container` sub-cgroup and skips conmon's scope (RHEL 9)", async () => {
    const yaml = `{type: cgroup-limit, title: web is limited, container: web, memory: 42m, cpus: 0.5, pids: 100}`;
    const v = await verdictOn("rhel9-cgroupv2", yaml);
    expect(v.status).toBe("pass");
    expect(v.message).toBe("container web is limited as expected: memory 42 MiB (44040192 bytes), CPU 0.5 CPUs, pids 100");
  });

  it("fails with every wrong value named", async () => {
    const v = await verdictOn("rhel9-cgroupv2", `{type: cgroup-limit, title: t, container: plain, memory: 42m, cpus: 0.5}`);
    expect(v.status).toBe("fail");
    expect(v.message).toBe("container plain: memory limit is no limit, not 42 MiB (44040192 bytes); CPU limit is no limit, not 0.5 CPUs");
  });

  it("accepts bytes and `max`", async () => {
    expect((await verdictOn("rhel9-cgroupv2", `{type: cgroup-limit, title: t, container: web, memory: 44040192}`)).status).toBe("pass");
    expect((await verdictOn("rhel9-cgroupv2", `{type: cgroup-limit, title: t, container: plain, memory: max, cpus: max, pids: 2048}`)).status).toBe("pass");
  });

  it("reads v1 files on the real cgroupfs layout (podman 4.3.1, Debian): pids.max 2048, no memory limit", async () => {
    const yaml = `{type: cgroup-limit, title: t, container: goofy_wilbur, pids: 2048, memory: max, cpus: max}`;
    expect((await verdictOn("debian12-podman-4.3.1", yaml)).status).toBe("pass");
    const limited = await verdictOn("debian12-podman-4.3.1", `{type: cgroup-limit, title: t, container: goofy_wilbur, memory: 512m}`);
    expect(limited.status).toBe("fail");
    expect(limited.evidence).toContain("/sys/fs/cgroup/memory/libpod_parent/libpod-ce49dcd0810c64606b1a298afa60a25b4ec26307e841204caa05bf0d7f514a9b/memory.limit_in_bytes 9223372036854771712");
  });

  it("computes v1 CPU limits from quota and period", async () => {
    const probe =
      "id=$(podman container inspect --format '{{.Id}}' goofy_wilbur) && [ -n \"$id\" ] && for f in $(find /sys/fs/cgroup/ | grep \"$id\" | grep -E '/(memory\\.max|memory\\.limit_in_bytes|cpu\\.max|cpu\\.cfs_quota_us|cpu\\.cfs_period_us|pids\\.max)$'); do echo \"$f $(cat \"$f\")\"; done";
    const dir = "/sys/fs/cgroup/cpu,cpuacct/machine.slice/libpod-ce49.scope";
    const stdout = `${dir}/cpu.cfs_quota_us 150000\n${dir}/cpu.cfs_period_us 100000\n`;
    const v = await verdictOn("debian12-podman-4.3.1", `{type: cgroup-limit, title: t, container: goofy_wilbur, cpus: 1.5}`, { [probe]: { stdout } });
    expect(v.status).toBe("pass");
  });

  it("fails when the container doesn't exist", async () => {
    const v = await verdictOn("rhel9-cgroupv2", `{type: cgroup-limit, title: t, container: gone, pids: 10}`);
    expect(v.status).toBe("fail");
    expect(v.message).toBe("found no cgroup limit files for container gone (is it running?)");
  });
});
