// runc in the foreground at a terminal: the spec's `sh` with `terminal: true` becomes a shell inside the container
// (hostname "runc", pid 1), and leaving it ends and deletes the container, as runc run does.
import { describe, it, expect } from "vitest";
import { createHost, openSession } from "../../../../engine/index.js";

describe("runc run at a terminal", () => {
  it("opens the container's shell; exit deletes the container", async () => {
    const host = createHost({ seed: 42, profile: "rhel9" });
    const s = openSession(host, { interactive: true });
    for (const line of [
      "mkdir -p /root/b/rootfs && cd /root/b",
      "podman pull -q registry.access.redhat.com/ubi9/ubi >/dev/null 2>&1",
      "podman export $(podman create registry.access.redhat.com/ubi9/ubi) | tar -C rootfs -xpf -",
      "runc spec",
    ]) expect((await s.run(line)).exitCode).toBe(0);
    expect((await s.run("runc run box")).exitCode).toBe(0);
    expect(s.prompt).toBe("[root@runc /]# ");
    expect((await s.run("ps -eo pid,cmd")).stdout).toMatch(/^ +PID CMD\n +1 sh\n +2 ps -eo pid,cmd\n$/);
    expect((await s.run("cat /etc/redhat-release")).stdout).toMatch(/^Red Hat Enterprise Linux release 9/);
    await s.run("exit");
    expect(s.prompt).toBe("[root@rhel9 b]# ");
    expect((await s.run("runc list -q")).stdout).toBe("");
    expect((await s.run("ps -e -o cmd | grep -c '^sh$'")).stdout).toBe("0\n");
  });
});
