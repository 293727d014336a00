import { describe, expect, it } from "vitest";
import { decideSyscall, parseSeccompProfile, type SeccompFilter } from "../../../engine/kernel/seccomp.js";
import { defaultSeccompFilter, ociSeccompSection } from "../../../engine/containers/seccomp-defaults.js";

// The lab's chmod.json (fatherlinux/container-internals-lab lab3-step5), with the legacy singular "name" key.
const CHMOD_JSON = `{
  "defaultAction": "SCMP_ACT_ALLOW",
  "syscalls": [
    {
      "name": "fchmodat",
      "action": "SCMP_ACT_ERRNO"
    }
  ]
}`;

// podman 4.3.1's default capability set (observed config.json).
const PODMAN_CAPS = new Set([
  "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_NET_BIND_SERVICE",
  "CAP_SETFCAP", "CAP_SETGID", "CAP_SETPCAP", "CAP_SETUID", "CAP_SYS_CHROOT",
]);

function parsed(json: string): SeccompFilter {
  const f = parseSeccompProfile(json, "test.json");
  if ("error" in f) throw new Error(f.error);
  return f;
}

describe("parseSeccompProfile", () => {
  it("reads the legacy name key; ERRNO without errnoRet is EPERM", () => {
    const f = parsed(CHMOD_JSON);
    expect(decideSyscall(f, { name: "fchmodat" }, PODMAN_CAPS)).toEqual({ action: "errno", errno: 1 });
    expect(decideSyscall(f, { name: "chmod" }, PODMAN_CAPS)).toEqual({ action: "allow" });
  });

  it("is plain data", () => {
    const f = parsed(CHMOD_JSON);
    expect(structuredClone(f)).toEqual(f);
  });

  it("maps every action", () => {
    const f = parsed(`{"defaultAction":"SCMP_ACT_KILL","syscalls":[
      {"names":["a"],"action":"SCMP_ACT_TRAP"},{"names":["b"],"action":"SCMP_ACT_LOG"},
      {"names":["c"],"action":"SCMP_ACT_KILL_PROCESS"},{"names":["d"],"action":"SCMP_ACT_ERRNO","errnoRet":13}]}`);
    const d = (name: string) => decideSyscall(f, { name }, new Set());
    expect(d("a")).toEqual({ action: "trap" });
    expect(d("b")).toEqual({ action: "log" });
    expect(d("c")).toEqual({ action: "kill" });
    expect(d("d")).toEqual({ action: "errno", errno: 13 });
    expect(d("zzz")).toEqual({ action: "kill" });
  });

  it("honours defaultErrnoRet and argument conditions", () => {
    const f = parsed(`{"defaultAction":"SCMP_ACT_ERRNO","defaultErrnoRet":38,"syscalls":[
      {"names":["personality"],"action":"SCMP_ACT_ALLOW","args":[{"index":0,"value":8,"op":"SCMP_CMP_EQ"}]},
      {"names":["clone"],"action":"SCMP_ACT_ALLOW","args":[{"index":0,"value":2114060288,"valueTwo":0,"op":"SCMP_CMP_MASKED_EQ"}]}]}`);
    expect(decideSyscall(f, { name: "personality", args: [8] }, new Set())).toEqual({ action: "allow" });
    expect(decideSyscall(f, { name: "personality", args: [9] }, new Set())).toEqual({ action: "errno", errno: 38 });
    expect(decideSyscall(f, { name: "clone", args: [0x11] }, new Set())).toEqual({ action: "allow" });
    expect(decideSyscall(f, { name: "clone", args: [0x10000000] }, new Set())).toEqual({ action: "errno", errno: 38 });
  });

  it("rejects what podman rejects", () => {
    expect(parseSeccompProfile("{", "x")).toHaveProperty("error");
    expect(parseSeccompProfile(`{"defaultAction":"SCMP_ACT_NOPE"}`, "x")).toHaveProperty("error");
    expect(parseSeccompProfile(`{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"action":"SCMP_ACT_ALLOW"}]}`, "x")).toHaveProperty("error");
  });

  it("survives hostile input", () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    expect(parseSeccompProfile(deep, "x")).toHaveProperty("error");
    const many = { defaultAction: "SCMP_ACT_ALLOW", syscalls: Array.from({ length: 20000 }, (_, i) => ({ names: [`s${i}`], action: "SCMP_ACT_ERRNO" })) };
    const f = parsed(JSON.stringify(many));
    expect(decideSyscall(f, { name: "s19999" }, new Set())).toEqual({ action: "errno", errno: 1 });
  });
});

describe("default profiles", () => {
  const podman = defaultSeccompFilter("podman");
  const docker = defaultSeccompFilter("docker");
  const d = (f: SeccompFilter, name: string, caps: Set<string> = PODMAN_CAPS, args?: number[]) =>
    decideSyscall(f, { name, args }, caps);
  const allow = { action: "allow" };
  const eperm = { action: "errno", errno: 1 };
  const enosys = { action: "errno", errno: 38 };

  it("allow the ordinary calls", () => {
    for (const name of ["fchmodat", "openat", "read", "write", "execve", "chroot", "getpid", "nanosleep"]) {
      expect(d(podman, name)).toEqual(allow);
      expect(d(docker, name)).toEqual(allow);
    }
  });

  it("podman leaves namespaces and mounts to capabilities; docker needs CAP_SYS_ADMIN", () => {
    for (const name of ["unshare", "mount", "setns", "umount2"]) {
      expect(d(podman, name)).toEqual(allow);
      expect(d(docker, name)).toEqual(eperm);
      expect(d(docker, name, new Set([...PODMAN_CAPS, "CAP_SYS_ADMIN"]))).toEqual(allow);
    }
    expect(d(docker, "clone", PODMAN_CAPS, [0x11])).toEqual(allow);
    expect(d(docker, "clone", PODMAN_CAPS, [0x20000000])).toEqual(eperm);
  });

  it("keyctl: podman allows, docker does not list it", () => {
    expect(d(podman, "keyctl")).toEqual(allow);
    expect(d(docker, "keyctl")).toEqual(eperm);
  });

  it("settimeofday needs CAP_SYS_TIME; reboot differs", () => {
    expect(d(podman, "settimeofday")).toEqual(eperm);
    expect(d(docker, "settimeofday")).toEqual(eperm);
    expect(d(podman, "settimeofday", new Set(["CAP_SYS_TIME"]))).toEqual(allow);
    expect(d(docker, "settimeofday", new Set(["CAP_SYS_TIME"]))).toEqual(allow);
    expect(d(podman, "reboot")).toEqual(allow);
    expect(d(docker, "reboot")).toEqual(eperm);
    expect(d(docker, "reboot", new Set(["CAP_SYS_BOOT"]))).toEqual(allow);
  });

  it("unlisted calls: ENOSYS under podman, EPERM under docker", () => {
    expect(d(podman, "no_such_call")).toEqual(enosys);
    expect(d(docker, "no_such_call")).toEqual(eperm);
    expect(d(podman, "kexec_load")).toEqual(eperm);
    expect(d(podman, "bpf")).toEqual(eperm);
    expect(d(podman, "bpf", new Set(["CAP_BPF"]))).toEqual(allow);
    expect(d(podman, "bpf", new Set(["CAP_SYS_ADMIN"]))).toEqual(allow);
  });

  it("podman's audit socket rule", () => {
    expect(d(podman, "socket", PODMAN_CAPS, [16, 3, 9])).toEqual({ action: "errno", errno: 22 });
    expect(d(podman, "socket", PODMAN_CAPS, [2, 1, 0])).toEqual(allow);
    expect(d(podman, "socket", new Set(["CAP_AUDIT_WRITE"]), [16, 3, 9])).toEqual(allow);
  });

  it("the config.json section keeps only the rules the capabilities select", () => {
    const sec = ociSeccompSection(podman, PODMAN_CAPS, ["SCMP_ARCH_X86_64"]) as { syscalls: { names: string[]; action: string }[] };
    expect(sec).toMatchObject({ defaultAction: "SCMP_ACT_ERRNO", defaultErrnoRet: 38 });
    const chroot = sec.syscalls.filter((s) => s.names.includes("chroot"));
    expect(chroot.map((s) => s.action)).toEqual(["SCMP_ACT_ALLOW"]);
    const time = sec.syscalls.filter((s) => s.names.includes("settimeofday"));
    expect(time.map((s) => s.action)).toEqual(["SCMP_ACT_ERRNO"]);
  });
});
