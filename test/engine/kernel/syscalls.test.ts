import { describe, it, expect } from "vitest";
import { createHost, spawnTask, syscall } from "../../../engine/index.js";
import { parseSeccompProfile } from "../../../engine/kernel/seccomp.js";

describe("the syscall gate", () => {
  it("applies seccomp before the handler runs (errno, kill)", () => {
    const host = createHost({ seed: 1 });
    const f = parseSeccompProfile('{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["fchmodat"],"action":"SCMP_ACT_ERRNO"},{"names":["mount"],"action":"SCMP_ACT_KILL"}]}', "t.json");
    if ("error" in f) throw new Error(f.error);
    const t = spawnTask(host, { ppid: 1, argv: ["x"], seccomp: f });
    let ran = 0;
    expect(syscall(host, t, "fchmodat", [-100, 0, 0o777], () => ran++)).toEqual({ ok: false, errno: "EPERM" });
    expect(syscall(host, t, "openat", [-100, 0, 0], () => ++ran)).toEqual({ ok: true, value: 1 });
    expect(syscall(host, t, "mount", [0, 0, 0, 0, 0], () => ran++)).toEqual({ ok: false, errno: "ENOSYS", killed: true });
    expect(host.tasks.byPid[t.pid]).toBeUndefined();
    expect(ran).toBe(1);
  });

  it("checks capabilities and turns ErrnoErrors into values; the kernel itself passes", () => {
    const host = createHost({ seed: 1 });
    const t = spawnTask(host, { ppid: 1, argv: ["x"], cred: { uid: 1000, gid: 1000, groups: [1000], caps: [] } });
    expect(syscall(host, t, "mount", [], () => 1)).toEqual({ ok: false, errno: "EPERM" });
    expect(syscall(host, null, "mount", [], () => 1)).toEqual({ ok: true, value: 1 });
    expect(() => syscall(host, t, "no_such_call", [], () => 1)).toThrow(/not in the syscall table/);
  });
});
