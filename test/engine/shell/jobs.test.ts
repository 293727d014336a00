/**
 * Background jobs inside loops and functions: each `&` forks a process that stays while its sleep runs, the
 * interactive shell numbers the jobs, and a fork bomb on the host stops (at the model's cap) without taking the
 * shell with it.
 */
import { describe, expect, it } from "vitest";
import { seeded } from "../helpers.js";

describe("background jobs", () => {
  it("a loop of background sleeps leaves the sleeps running and goes on at once", async () => {
    const { s } = seeded("rhel9");
    const r = await s.run("for i in 1 2 3; do sleep 100 & done; echo looped");
    expect(r.stdout).toBe("looped\n");
    expect(r.stderr).toMatch(/^\[1\] \d+\n\[2\] \d+\n\[3\] \d+\n$/);
    expect((await s.run("ps -C sleep -o args=")).stdout).toBe("sleep 100\n".repeat(3));
    expect((await s.run("date +%M")).stdout).toBe("00\n");
    await s.run("sleep 101");
    expect((await s.run("ps -C sleep -o args=")).stdout).toBe("");
  });

  it("a job that only prints ends with its body", async () => {
    const { s } = seeded("rhel9");
    const before = (await s.run("ps -e | wc -l")).stdout;
    const r = await s.run("f() { echo in-job; }; f &");
    expect(r.stdout).toBe("in-job\n");
    expect((await s.run("ps -e | wc -l")).stdout).toBe(before);
  });

  it("a fork bomb on the host is stopped and the shell still works", async () => {
    const { s } = seeded("rhel9");
    const before = Number((await s.run("ps -e | wc -l")).stdout);
    const r = await s.run(":(){ :|:& };:");
    expect(r.stderr).toContain("-bash: fork: retry: Resource temporarily unavailable\n");
    const after = Number((await s.run("ps -e | wc -l")).stdout);
    expect(after - before).toBeGreaterThanOrEqual(4096);
    expect(after - before).toBeLessThan(4300);
    expect((await s.run("echo still here")).stdout).toBe("still here\n");
  });
});
