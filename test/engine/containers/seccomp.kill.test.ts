/**
 * SCMP_ACT_KILL (and KILL_PROCESS, TRAP): the process making the call dies with SIGSYS and a core dump. Run as the
 * container's own process it prints nothing and the engine reports 159 (128 + 31); under an interactive shell in
 * the container, bash says `Bad system call (core dumped)` and `$?` is 159, and the shell goes on.
 */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";
import { kernelFs } from "../../../engine/fs/fs-view.js";

const UBI7 = "registry.access.redhat.com/ubi7/ubi";

describe("a profile that kills on mkdirat", async () => {
  const host = containerHost("rhel9");
  const fs = kernelFs(host);
  for (const action of ["SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_TRAP"]) {
    fs.writeFileSync(`/root/${action}.json`, JSON.stringify({ defaultAction: "SCMP_ACT_ALLOW", syscalls: [{ names: ["mkdirat"], action }] }));
  }
  const steps = await runLines(host, [
    `podman run --name k1 --security-opt seccomp=/root/SCMP_ACT_KILL.json ${UBI7} mkdir /x`,
    "podman inspect -f '{{.State.ExitCode}}' k1",
    `podman run --security-opt seccomp=/root/SCMP_ACT_KILL_PROCESS.json ${UBI7} mkdir /x`,
    `podman run --security-opt seccomp=/root/SCMP_ACT_TRAP.json ${UBI7} mkdir /x`,
    `podman run -d --name live --security-opt seccomp=/root/SCMP_ACT_KILL.json ${UBI7} sleep infinity`,
    "podman exec -it live bash",
    "mkdir /x",
    "echo $?",
    "touch /y && echo the shell lives on",
    "exit",
    "podman ps --format '{{.Names}}'",
  ]);
  const r = (i: number) => steps[i]!.result;

  it("the container's process dies silently with 159", () => {
    expect(r(0).exitCode).toBe(159);
    expect(r(0).stdout + r(0).stderr).toBe("");
    expect(r(1).stdout).toBe("159\n");
    expect(r(2).exitCode).toBe(159);
    expect(r(3).exitCode).toBe(159);
  });

  it("bash in the container reports the killed command and carries on", () => {
    expect(steps[6]!.prompt).toMatch(/^\[root@[0-9a-f]{12} \/\]# $/);
    expect(r(6).stderr).toBe("Bad system call (core dumped)\n");
    expect(r(6).exitCode).toBe(159);
    expect(r(7).stdout).toBe("159\n");
    expect(r(8).stdout).toBe("the shell lives on\n");
    expect(r(10).stdout).toBe("live\n");
  });
});

describe("what seccomp leaves in the audit log", async () => {
  const host = containerHost("rhel9");
  kernelFs(host).writeFileSync("/root/log.json", JSON.stringify({
    defaultAction: "SCMP_ACT_ALLOW",
    syscalls: [{ names: ["mkdirat"], action: "SCMP_ACT_LOG" }, { names: ["fchmodat"], action: "SCMP_ACT_KILL" }, { names: ["unlinkat"], action: "SCMP_ACT_ERRNO" }],
  }));
  const steps = await runLines(host, [
    `podman run --name logged --security-opt seccomp=/root/log.json ${UBI7} mkdir /x`,
    `podman run --name refused --security-opt seccomp=/root/log.json ${UBI7} rm /etc/hosts`,
    `podman run --name killed --security-opt seccomp=/root/log.json ${UBI7} chmod 1 /etc/hosts`,
    "grep -c SECCOMP /var/log/audit/audit.log",
    "ausearch -m seccomp | grep '^type='",
  ]);
  const r = (i: number) => steps[i]!.result;

  it("SCMP_ACT_LOG lets the call through; LOG and KILL leave a SECCOMP record, ERRNO none", () => {
    expect(r(0).exitCode).toBe(0);
    expect(r(1).exitCode).toBe(1);
    expect(r(2).exitCode).toBe(159);
    expect(r(3).stdout).toBe("2\n");
    const [log, kill] = r(4).stdout.trimEnd().split("\n");
    expect(log).toMatch(/^type=SECCOMP msg=audit\(\d+\.\d{3}:\d+\): auid=4294967295 uid=0 gid=0 ses=4294967295 subj=system_u:system_r:container_t:s0:c\d+,c\d+ pid=\d+ comm="mkdir" exe="\/usr\/bin\/mkdir" sig=0 arch=c000003e syscall=258 compat=0 ip=0x[0-9a-f]+ code=0x7ffc0000$/);
    expect(kill).toMatch(/ comm="chmod" exe="\/usr\/bin\/chmod" sig=31 arch=c000003e syscall=268 compat=0 ip=0x[0-9a-f]+ code=0x0$/);
  });
});
