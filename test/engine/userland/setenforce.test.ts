/** getenforce / setenforce / sestatus: the kernel's switch, root only, masked in a container. */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "../containers/host-helper.js";
import { openSession } from "../../../engine/index.js";
import { spawnTask } from "../../../engine/kernel/tasks.js";
import { selinuxfsVisible, setEnforcing } from "../../../engine/kernel/avc.js";

const UBI = "registry.access.redhat.com/ubi9/ubi";

describe("setenforce", async () => {
  const host = containerHost("rhel9", 31);
  const steps = await runLines(host, [
    "getenforce", "setenforce", "setenforce maybe", "setenforce 0", "getenforce", "sestatus | grep -i mode",
    "setenforce Enforcing", "getenforce", "ausearch -m MAC_STATUS | grep -c ^type=MAC_STATUS",
    `podman run -d --name c ${UBI} sleep 100`,
  ]);
  const r = (i: number) => steps[i]!.result;

  it("switches the mode and reports it", () => {
    expect(r(0).stdout).toBe("Enforcing\n");
    expect(r(1).stderr).toBe("usage:  setenforce [ Enforcing | Permissive | 1 | 0 ]\n");
    expect(r(2).exitCode).toBe(1);
    expect(r(3).exitCode).toBe(0);
    expect(r(4).stdout).toBe("Permissive\n");
    expect(r(5).stdout).toBe("Current mode:                   permissive\nMode from config file:          enforcing\n");
    expect(r(7).stdout).toBe("Enforcing\n");
    expect(r(8).stdout).toBe("2\n");
  });

  it("sestatus prints the real layout", async () => {
    const out = (await runLines(host, ["sestatus"]))[0]!.result.stdout;
    expect(out.split("\n")[0]).toBe("SELinux status:                 enabled");
    expect(out).toContain("Loaded policy name:             targeted\n");
    expect(out).toContain("Max kernel policy version:      33\n");
  });

  it("is refused to a non-root user and masked in a confined container", async () => {
    const user = spawnTask(host, { ppid: host.loginPid, argv: ["-bash"], cred: { uid: 1000, gid: 1000, groups: [1000], caps: [] } });
    const s = openSession(host, { task: user });
    const u = await s.run("setenforce 0");
    expect(u.stderr).toBe("setenforce:  setenforce() failed\n");
    expect(u.exitCode).toBe(1);
    const init = Object.values(host.tasks.byPid).find((t) => t.containerId && t.argv[0] === "sleep")!;
    // the image ships none of the tools; the kernel's answer is what they would print
    expect(selinuxfsVisible(init)).toBe(false);
    expect(setEnforcing(host, init, false)).toBe("EACCES");
    expect((await runLines(host, ["getenforce"]))[0]!.result.stdout).toBe("Enforcing\n");
  });
});
