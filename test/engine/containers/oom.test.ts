/**
 * The memory limit as a consequence: a program that touches more memory than --memory allows is killed by the
 * memcg OOM killer (exit 137, OOMKilled in inspect, the kernel's report in dmesg), one that fits runs; without a
 * limit the container may use what it likes. Both kernels' report formats.
 */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";

const UBI7 = "registry.access.redhat.com/ubi7/ubi";

describe("OOM kill in a container (rhel9)", async () => {
  const host = containerHost("rhel9");
  const steps = await runLines(host, [
    `podman run --name hog --memory 64m ${UBI7} tail /dev/zero`,
    "podman inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' hog",
    "dmesg | grep -i 'out of memory'",
    `podman run --name small --memory 64m ${UBI7} dd if=/dev/zero of=/dev/null bs=16M count=4`,
    "podman inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' small",
    `podman run --name big --memory 64m ${UBI7} dd if=/dev/zero of=/dev/null bs=200M count=1`,
    `podman run --name nolimit ${UBI7} dd if=/dev/zero of=/dev/null bs=200M count=1`,
    "podman inspect -f '{{.Id}}' hog",
    "dmesg | grep oom-kill: | head -1",
    "podman start -a hog; podman inspect -f '{{.State.OOMKilled}}' hog",
  ]);
  const r = (i: number) => steps[i]!.result;

  it("tail /dev/zero over the limit: exit 137 and OOMKilled", () => {
    expect(r(0).exitCode).toBe(137);
    expect(r(0).stdout + r(0).stderr).toBe("");
    expect(r(1).stdout).toBe("true 137\n");
  });

  it("dmesg has the kernel's report with the killed process", () => {
    expect(r(2).stdout).toMatch(/^\[ *\d+\.\d{6}\] Memory cgroup out of memory: Killed process (\d+) \(tail\) total-vm:\d+kB, anon-rss:6\d{4}kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:\d+kB oom_score_adj:0\n/);
    const id = r(7).stdout.trim();
    expect(r(8).stdout).toContain(`oom_memcg=/machine.slice/libpod-${id}.scope/container,task_memcg=/machine.slice/libpod-${id}.scope/container,task=tail,pid=`);
  });

  it("what fits runs; 200M does not fit in 64m but fits without a limit", () => {
    expect(r(3).exitCode).toBe(0);
    expect(r(3).stderr).toBe("4+0 records in\n4+0 records out\n67108864 bytes (67 MB, 64 MiB) copied, 0.0324 s, 2.1 GB/s\n");
    expect(r(4).stdout).toBe("false 0\n");
    expect(r(5).exitCode).toBe(137);
    expect(r(6).exitCode).toBe(0);
  });

  it("a restart clears OOMKilled until the next kill", () => {
    expect(r(9).stdout).toBe("true\n");
  });
});

describe("OOM kill on cgroup v1 (rhel7)", async () => {
  const host = containerHost("rhel7");
  const steps = await runLines(host, [
    `podman run -d --name keep --memory 64m ${UBI7} sleep 1000`,
    "podman exec keep dd if=/dev/zero of=/dev/null bs=100M count=1; echo $?",
    "podman inspect -f '{{.Id}}' keep",
    "dmesg | tail -2",
    "cat /sys/fs/cgroup/memory/machine.slice/libpod-$(podman inspect -f '{{.Id}}' keep).scope/memory.failcnt",
    "podman ps -q | wc -l",
  ]);
  const r = (i: number) => steps[i]!.result;

  it("a process exec'd into the container is the victim; the container keeps running", () => {
    expect(r(1).stdout).toBe("137\n");
    expect(r(5).stdout).toBe("1\n");
  });

  it("3.10's report: Kill process … or sacrifice child, then Killed process", () => {
    expect(r(3).stdout).toMatch(/Memory cgroup out of memory: Kill process (\d+) \(dd\) score \d+ or sacrifice child\n\[ *\d+\.\d{6}\] Killed process \1 \(dd\) total-vm:\d+kB, anon-rss:\d+kB, file-rss:0kB, shmem-rss:0kB\n$/);
    expect(r(4).stdout).toBe("1\n");
  });
});

describe("without a limit, and past what the machine has", async () => {
  const host = containerHost("rhel9");
  const steps = await runLines(host, [
    `podman run --rm ${UBI7} tail /dev/zero`,
    "dmesg | tail -1",
    `podman run --rm ${UBI7} dd if=/dev/zero of=/dev/null bs=100G count=1`,
    "echo the host is fine",
  ]);
  const r = (i: number) => steps[i]!.result;

  it("the global OOM killer ends the hog when the machine runs out", () => {
    expect(r(0).exitCode).toBe(137);
    expect(r(1).stdout).toMatch(/\] Out of memory: Killed process \d+ \(tail\) total-vm:\d+kB, anon-rss:\d+kB, /);
  });

  it("one mapping larger than RAM is refused at once (overcommit heuristic): dd says so", () => {
    expect(r(2).stderr).toBe("dd: memory exhausted by input buffer of size 107374182400 bytes (100 GiB)\n");
    expect(r(2).exitCode).toBe(1);
    expect(r(3).stdout).toBe("the host is fine\n");
  });
});
