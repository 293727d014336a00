import { describe, it, expect } from "vitest";
import { createHost, spawnTask, exitTask, listTasks, createNamespace, onTaskExit, getTask } from "../../../engine/index.js";

describe("the task table", () => {
  it("hands out increasing pids with gaps, inherits from the parent", () => {
    const host = createHost({ seed: 5, profile: "rhel7" });
    const login = host.tasks.byPid[host.loginPid];
    const pids = Array.from({ length: 50 }, () => spawnTask(host, { ppid: login.pid, argv: ["true"] }).pid);
    expect([...pids].sort((a, b) => a - b)).toEqual(pids);
    expect(pids[49] - pids[0]).toBeGreaterThan(49);
    const t = host.tasks.byPid[pids[0]];
    expect(t.label).toBe(login.label);
    expect(t.tty).toBe("pts/0");
    expect(t.ns).toEqual(login.ns);
  });

  it("re-parents orphans to pid 1 and takes a pid namespace down with its init", () => {
    const host = createHost({ seed: 5 });
    const parent = spawnTask(host, { ppid: 1, argv: ["a"] });
    const child = spawnTask(host, { ppid: parent.pid, argv: ["b"] });
    exitTask(host, parent.pid);
    expect(host.tasks.byPid[child.pid].ppid).toBe(1);
    const pidns = createNamespace(host.namespaces, "pid").id;
    const init = spawnTask(host, { ppid: 1, argv: ["init"], ns: { pid: pidns } });
    const inner = spawnTask(host, { ppid: init.pid, argv: ["worker"] });
    expect([init.vpid, inner.vpid]).toEqual([1, 2]);
    const exits: number[] = [];
    onTaskExit(host, (_h, t) => exits.push(t.pid));
    exitTask(host, init.pid, 0);
    expect(getTask(host, inner.pid)).toBeUndefined();
    expect(exits).toEqual([inner.pid, init.pid]);
    expect(listTasks(host, pidns)).toEqual([]);
  });

  it("reaps tasks whose exitAt passed, in time order", () => {
    const host = createHost({ seed: 5 });
    const now = host.clock.nowMs;
    const a = spawnTask(host, { ppid: 1, argv: ["sleep", "20"], exitAt: now + 20_000 });
    const b = spawnTask(host, { ppid: 1, argv: ["sleep", "10"], exitAt: now + 10_000, exitStatus: 3 });
    const seen: Array<[number, number]> = [];
    onTaskExit(host, (_h, t, status) => seen.push([t.pid, status]));
    host.clock.nowMs += 30_000;
    listTasks(host);
    expect(seen).toEqual([[b.pid, 3], [a.pid, 0]]);
  });

  it("refuses a spawn under a parent that does not exist", () => {
    const host = createHost({ seed: 5 });
    expect(() => spawnTask(host, { ppid: 99999, argv: ["x"] })).toThrow(/parent pid 99999/);
  });
});
