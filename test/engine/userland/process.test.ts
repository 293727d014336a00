import { describe, it, expect } from "vitest";
import { seeded, fakeContainer } from "../helpers.js";
import { onTaskExit } from "../../../engine/index.js";

describe("kill, sleep", () => {
  it("kill ends a task and tells the exit listeners", async () => {
    const { host, s } = seeded("rhel7");
    const c = fakeContainer(host, "7".repeat(64), ["top"], "c1,c2");
    const seen: Array<[number, number]> = [];
    onTaskExit(host, (_h, t, status) => seen.push([t.pid, status]));
    expect((await s.run(`kill -9 ${c.init.pid}`)).exitCode).toBe(0);
    expect(seen).toContainEqual([c.init.pid, 137]);
    expect(host.tasks.byPid[c.init.pid]).toBeUndefined();
    expect((await s.run(`kill ${c.init.pid}`)).stderr).toBe(`bash: kill: (${c.init.pid}) - No such process\n`);
    // init ignores signals it does not handle
    await s.run("kill 1");
    expect(host.tasks.byPid[1]).toBeDefined();
  });

  it("sleep moves the virtual clock, not the real one", async () => {
    const { host, s } = seeded("rhel7");
    const t0 = host.clock.nowMs;
    const wall = Date.now();
    await s.run("sleep 1h");
    expect(host.clock.nowMs - t0).toBeGreaterThanOrEqual(3_600_000);
    expect(Date.now() - wall).toBeLessThan(2000);
    expect((await s.run("sleep x")).stderr).toBe("sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n");
  });
});

describe("sleep at a terminal", () => {
  it("waits through the injected wait and ends early on abort", async () => {
    const { createHost, openSession } = await import("../../../engine/index.js");
    const waits: number[] = [];
    let now = 1_800_000_000_000;
    const host = createHost({ interactive: true, timeSource: () => now, startMs: now, wait: async (ms, signal) => { waits.push(ms); if (!signal?.aborted) now += ms; } });
    const s = openSession(host, { interactive: true });
    expect((await s.run("sleep 2")).exitCode).toBe(0);
    expect(waits).toEqual([2000]);
    const ac = new AbortController();
    const p = s.run("sleep 5", { signal: ac.signal });
    ac.abort();
    await p;
  });
});
