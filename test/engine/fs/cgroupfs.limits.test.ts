/** Writing a limit into /sys/fs/cgroup: the kernel's formats on the way in and out, and the limit takes effect. */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "../containers/host-helper.js";

describe("writing cgroup limits", async () => {
  const host = containerHost("rhel9");
  const steps = await runLines(host, [
    "podman run -d --name w registry.access.redhat.com/ubi7/ubi sleep infinity",
    "cd /sys/fs/cgroup/machine.slice/libpod-$(podman inspect -f '{{.Id}}' w).scope/container",
    "echo 32M > memory.max; cat memory.max",
    "echo lots > pids.max",
    "echo 5 > pids.max; cat pids.max",
    "echo 50000 > cpu.max; cat cpu.max",
    "podman exec w dd if=/dev/zero of=/dev/null bs=40M count=1",
    "cat memory.events",
  ]);
  const r = (i: number) => steps[i]!.result;

  it("values read back as the kernel stores them; a bad one is refused", () => {
    expect(r(2).stdout).toBe("33554432\n");
    expect(r(3).exitCode).toBe(1);
    expect(r(3).stderr).toMatch(/Invalid argument\n$/);
    expect(r(4).stdout).toBe("5\n");
    expect(r(5).stdout).toBe("50000 100000\n");
  });

  it("a limit written by hand is enforced like one podman set", () => {
    expect(r(6).exitCode).toBe(137);
    expect(r(7).stdout).toBe("low 0\nhigh 0\nmax 1\noom 1\noom_kill 1\n");
  });
});
