/**
 * seccomp as a filter on every command's system calls: a lab's own profile that blocks one call stops exactly the
 * commands that make it, with the errno the profile names; the engines' default profiles decide as the real ones
 * do (docker's refuses namespace and mount calls without CAP_SYS_ADMIN and gates syslog on CAP_SYSLOG, podman's
 * leaves them to the capability checks; both tie the clock to CAP_SYS_TIME); `seccomp=unconfined` removes it.
 */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";
import { kernelFs } from "../../../engine/fs/fs-view.js";
import { decideSyscall } from "../../../engine/kernel/seccomp.js";
import { defaultSeccompFilter } from "../../../engine/containers/seccomp-defaults.js";

const UBI7 = "registry.access.redhat.com/ubi7/ubi";
const UBI9 = "registry.access.redhat.com/ubi9/ubi";

/** A profile that allows everything but `names`, refused with `errnoRet` (or the default EPERM). */
function denyProfile(names: string[], errnoRet?: number, action = "SCMP_ACT_ERRNO"): string {
  return JSON.stringify({ defaultAction: "SCMP_ACT_ALLOW", syscalls: [{ names, action, ...(errnoRet === undefined ? {} : { errnoRet }) }] });
}

describe("a lab's own profile", async () => {
  const host = containerHost("rhel9");
  const fs = kernelFs(host);
  fs.writeFileSync("/root/no-mkdir.json", denyProfile(["mkdirat"], 38));
  fs.writeFileSync("/root/no-mkdir-eperm.json", denyProfile(["mkdirat"]));
  fs.writeFileSync("/root/old-style.json", JSON.stringify({ defaultAction: "SCMP_ACT_ALLOW", syscalls: [{ name: "fchmodat", action: "SCMP_ACT_ERRNO" }] }));
  fs.writeFileSync("/root/only-mkdir-0700.json", JSON.stringify({
    defaultAction: "SCMP_ACT_ALLOW",
    syscalls: [{ names: ["mkdirat"], action: "SCMP_ACT_ERRNO", errnoRet: 13, args: [{ index: 2, value: 0o777, op: "SCMP_CMP_EQ" }] }],
  }));
  const steps = await runLines(host, [
    `podman run --security-opt seccomp=/root/no-mkdir.json ${UBI7} mkdir /x`,
    `podman run --security-opt seccomp=/root/no-mkdir-eperm.json ${UBI7} mkdir /x`,
    `podman run --security-opt seccomp=/root/no-mkdir.json ${UBI7} touch /x`,
    `podman run --security-opt seccomp=/root/old-style.json ${UBI7} chmod 777 /etc/hosts`,
    `podman run --security-opt seccomp=/root/only-mkdir-0700.json ${UBI7} sh -c 'mkdir -m 700 /a && mkdir /b'`,
    `podman run --security-opt seccomp=unconfined ${UBI7} grep Seccomp: /proc/self/status`,
    `podman run ${UBI7} grep Seccomp: /proc/self/status`,
    "grep Seccomp: /proc/self/status",
  ]);
  const r = (i: number) => steps[i]!.result;

  it("blocking mkdirat makes mkdir fail with the profile's errno, and nothing else", () => {
    expect(r(0).stderr).toBe("mkdir: cannot create directory '/x': Function not implemented\n");
    expect(r(0).exitCode).toBe(1);
    expect(r(1).stderr).toBe("mkdir: cannot create directory '/x': Operation not permitted\n");
    expect(r(2).exitCode).toBe(0);
  });

  it("the lab's chmod.json (singular name, no errnoRet) gives EPERM", () => {
    expect(r(3).stderr).toBe("chmod: changing permissions of '/etc/hosts': Operation not permitted\n");
  });

  it("argument conditions: only the call whose mode matches is refused (mkdir asks for 0777, -m 700 for 0700)", () => {
    expect(r(4).exitCode).toBe(1);
    expect(r(4).stderr).toBe("mkdir: cannot create directory '/b': Permission denied\n");
  });

  it("a container runs under a filter (mode 2) unless unconfined; the host's shell under none", () => {
    expect(r(5).stdout).toBe("Seccomp:\t0\n");
    expect(r(6).stdout).toBe("Seccomp:\t2\n");
    expect(r(7).stdout).toBe("Seccomp:\t0\n");
  });
});

describe("the engines' default profiles", () => {
  const none = new Set<string>();
  const admin = new Set(["CAP_SYS_ADMIN"]);
  const podman = defaultSeccompFilter("podman");
  const docker = defaultSeccompFilter("docker");

  it("docker's refuses unshare, mount and setns without CAP_SYS_ADMIN; podman's leaves them to the capability", () => {
    for (const name of ["unshare", "mount", "setns", "umount2"]) {
      expect(decideSyscall(docker, { name }, none)).toEqual({ action: "errno", errno: 1 });
      expect(decideSyscall(docker, { name }, admin)).toEqual({ action: "allow" });
      expect(decideSyscall(podman, { name }, none)).toEqual({ action: "allow" });
    }
  });

  it("keyctl: not in docker's list (EPERM), allowed by podman's", () => {
    expect(decideSyscall(docker, { name: "keyctl" }, none)).toEqual({ action: "errno", errno: 1 });
    expect(decideSyscall(podman, { name: "keyctl" }, none)).toEqual({ action: "allow" });
  });

  it("both tie settimeofday and clock_settime to CAP_SYS_TIME", () => {
    for (const f of [docker, podman]) {
      for (const name of ["settimeofday", "clock_settime"]) {
        expect(decideSyscall(f, { name }, none)).toEqual({ action: "errno", errno: 1 });
        expect(decideSyscall(f, { name }, new Set(["CAP_SYS_TIME"]))).toEqual({ action: "allow" });
      }
    }
  });

  it("a call neither lists: docker says EPERM, podman ENOSYS", () => {
    expect(decideSyscall(docker, { name: "tuxcall" }, none)).toEqual({ action: "errno", errno: 1 });
    expect(decideSyscall(podman, { name: "tuxcall" }, none)).toEqual({ action: "errno", errno: 38 });
  });
});

describe("the default profiles at work", async () => {
  const host = containerHost("rhel9");
  const steps = await runLines(host, [
    `docker pull -q ${UBI9}`,
    `podman run --rm ${UBI9} dmesg | tail -1`,
    `docker run --rm ${UBI9} dmesg`,
    `podman run --rm ${UBI9} date -s '2020-01-01 00:00'`,
    `podman run --rm --cap-add SYS_ADMIN ${UBI9} unshare -m true`,
    `docker run --rm ${UBI9} unshare -m true`,
    `docker run --rm --cap-add SYS_ADMIN ${UBI9} unshare -m true`,
    `docker run --rm --cap-add SYS_ADMIN --security-opt seccomp=unconfined ${UBI9} unshare -m true`,
    "date +%Y",
  ]);
  const r = (i: number) => steps[i]!.result;

  it("dmesg: syslog is allowed by podman's profile, refused by docker's without CAP_SYSLOG", () => {
    expect(r(1).stdout).toMatch(/^\[ *\d+\.\d{6}\] /);
    expect(r(2).stderr).toBe("dmesg: read kernel buffer failed: Operation not permitted\n");
    expect(r(2).exitCode).toBe(1);
  });

  it("date -s without CAP_SYS_TIME: refused, and the host's clock is untouched", () => {
    expect(r(3).stderr).toBe("date: cannot set date: Operation not permitted\n");
    expect(r(3).exitCode).toBe(1);
    expect(r(8).stdout).toBe("2026\n");
  });

  it("unshare with CAP_SYS_ADMIN passes both profiles; without it docker's refuses", () => {
    expect(r(4).exitCode).toBe(0);
    expect(r(5).stderr).toBe("unshare: unshare failed: Operation not permitted\n");
    expect(r(6).exitCode).toBe(0);
    expect(r(7).exitCode).toBe(0);
  });
});
