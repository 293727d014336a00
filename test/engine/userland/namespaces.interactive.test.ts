// At a terminal, unshare and nsenter without a program open a shell in the new (or the target's) namespaces:
// the prompt carries that namespace's hostname and `exit` comes back to the host.
import { describe, it, expect } from "vitest";
import { createHost, openSession } from "../../../engine/index.js";

function terminal() {
  const host = createHost({ seed: 42, profile: "rhel9" });
  return { host, s: openSession(host, { interactive: true }) };
}

describe("nested shells in namespaces", () => {
  it("unshare --pid --fork --mount-proc: bash is PID 1 and ps sees only it and itself", async () => {
    const { s } = terminal();
    await s.run("unshare --pid --fork --mount-proc");
    expect((await s.run("ps -eo pid,ppid,cmd")).stdout).toMatch(/^ +PID +PPID CMD\n +1 +0 bash\n +2 +1 ps -eo pid,ppid,cmd\n$/);
    await s.run("exit");
    expect((await s.run("ps -e | wc -l")).stdout.trim()).not.toBe("3");
  });

  it("nsenter -a into a container: its hostname in the prompt, its processes, the caller's label", async () => {
    const { s } = terminal();
    await s.run("podman pull -q registry.access.redhat.com/ubi9/ubi >/dev/null 2>&1");
    await s.run("podman run -d --name web registry.access.redhat.com/ubi9/ubi sleep 1000");
    const id = (await s.run("podman inspect --format '{{.Id}}' web")).stdout.trim().slice(0, 12);
    await s.run("nsenter -t $(podman inspect --format '{{.State.Pid}}' web) -a");
    expect(s.prompt).toBe(`[root@${id} /]# `);
    expect((await s.run("ps -eo pid,cmd")).stdout).toMatch(/^ +PID CMD\n +1 sleep 1000\n/);
    expect((await s.run("id -Z")).stdout).toMatch(/unconfined_t/);
    await s.run("exit");
    expect(s.prompt).toBe("[root@rhel9 ~]# ");
  });

  it("nsenter names what is missing", async () => {
    const { s } = terminal();
    expect((await s.run("nsenter -n ip a")).stderr).toBe("nsenter: neither filename nor target pid supplied for ns/net\n");
    expect((await s.run("nsenter -t 99999 -n ip a")).stderr).toBe("nsenter: cannot open /proc/99999/ns/net: No such file or directory\n");
  });
});
