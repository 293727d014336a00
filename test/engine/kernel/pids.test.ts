/** The pids controller: counts over a subtree, the tightest cap on the path decides, forks through the gate. */
import { describe, expect, it } from "vitest";
import { createHost } from "../../../engine/index.js";
import { createCgroup } from "../../../engine/kernel/cgroups.js";
import { pidsCanFork, pidsCurrent, pidsRoom } from "../../../engine/kernel/pids.js";
import { forkMany, forkRefusal, forkTask } from "../../../engine/kernel/fork.js";
import { spawnTask } from "../../../engine/kernel/tasks.js";

describe("pids.max", () => {
  it("counts a group's tasks with its descendants', and the tightest cap on the path decides", () => {
    const host = createHost({ seed: 1, profile: "rhel9" });
    createCgroup(host, "/machine.slice/a.scope", { "pids.max": "3" });
    createCgroup(host, "/machine.slice/a.scope/container", { "pids.max": "10" });
    const parent = spawnTask(host, { ppid: 1, argv: ["sh"], cgroup: "/machine.slice/a.scope/container" });
    expect(pidsCurrent(host, "/machine.slice/a.scope")).toBe(1);
    expect(pidsRoom(host, "/machine.slice/a.scope/container")).toBe(2);
    expect(forkTask(host, parent, { argv: ["x"] }).ok).toBe(true);
    expect(forkTask(host, parent, { argv: ["y"] }).ok).toBe(true);
    expect(pidsCanFork(host, "/machine.slice/a.scope/container")).toBe(false);
    expect(forkTask(host, parent, { argv: ["z"] })).toEqual({ ok: false, errno: "EAGAIN" });
    expect(pidsCanFork(host, "/user.slice")).toBe(true);
  });

  it("a run of forks stops where the group is full", () => {
    const host = createHost({ seed: 1, profile: "rhel9" });
    createCgroup(host, "/machine.slice/b.scope", { "pids.max": "50" });
    const parent = spawnTask(host, { ppid: 1, argv: ["bash"], cgroup: "/machine.slice/b.scope" });
    expect(forkMany(host, parent, { argv: ["bash"] }, 1000)).toBe(49);
    expect(pidsCurrent(host, "/machine.slice/b.scope")).toBe(50);
  });

  it("bash's words for a refused fork", () => {
    expect(forkRefusal("bash")).toBe("bash: fork: retry: Resource temporarily unavailable\n".repeat(4) + "bash: fork: Resource temporarily unavailable\n");
    expect(forkRefusal("-bash", 0)).toBe("-bash: fork: Resource temporarily unavailable\n");
  });
});
