/** The memcg charge and the OOM killer: growth within the limit, the biggest task of the limiting group dies. */
import { describe, expect, it } from "vitest";
import { createHost } from "../../../engine/index.js";
import { createCgroup } from "../../../engine/kernel/cgroups.js";
import { chargeMemory, memoryCurrent, memoryMaxOf } from "../../../engine/kernel/oom.js";
import { spawnTask } from "../../../engine/kernel/tasks.js";

describe("memory.max", () => {
  it("a charge within the limit grows the task; past it the biggest task in the group is killed", () => {
    const host = createHost({ seed: 2, profile: "rhel9" });
    createCgroup(host, "/machine.slice/c.scope", { "memory.max": String(64 * 1024 * 1024) });
    const small = spawnTask(host, { ppid: 1, argv: ["sleep", "1000"], cgroup: "/machine.slice/c.scope", rssKiB: 1000 });
    const hog = spawnTask(host, { ppid: 1, argv: ["/usr/bin/python3"], cgroup: "/machine.slice/c.scope", rssKiB: 2000 });
    expect(chargeMemory(host, hog, 10 * 1024 * 1024)).toEqual({ ok: true });
    expect(memoryCurrent(host, "/machine.slice/c.scope")).toBe((1000 + 2000 + 10240) * 1024);
    const r = chargeMemory(host, hog, 100 * 1024 * 1024);
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.victim.pid).toBe(hog.pid);
    expect(host.tasks.byPid[hog.pid]).toBeUndefined();
    expect(host.tasks.byPid[small.pid]).toBe(small);
    expect(hog.exitStatus).toBe(137);
    expect(host.cgroups.groups["/machine.slice/c.scope"]!.events).toEqual({ max: 1, oom: 1, oom_kill: 1 });
    const last = host.kmsg.records[host.kmsg.records.length - 1]!.text;
    expect(last).toMatch(new RegExp(`^Memory cgroup out of memory: Killed process ${hog.pid} \\(python3\\) total-vm:\\d+kB, anon-rss:6\\d{4}kB`));
  });

  it("v1 spells the limit memory.limit_in_bytes; its 'no limit' value is no limit", () => {
    const host = createHost({ seed: 2, profile: "rhel7" });
    createCgroup(host, "/a", { "memory.limit_in_bytes": "9223372036854771712" });
    createCgroup(host, "/b", { "memory.limit_in_bytes": "1048576" });
    expect(memoryMaxOf(host, "/a")).toBe(Infinity);
    expect(memoryMaxOf(host, "/b")).toBe(1048576);
  });
});
