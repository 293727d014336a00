import { describe, it, expect } from "vitest";
import { seeded, fakeContainer } from "../helpers.js";

describe("top -b -n 1", () => {
  it("prints the summary and the busiest tasks first", async () => {
    const { host, s } = seeded("rhel7");
    fakeContainer(host, "1".repeat(64), ["top"], "c1,c2").init.cpuPercent = 2;
    const lines = (await s.run("top -b -n 1")).stdout.split("\n");
    expect(lines[0]).toMatch(/^top - 13:00:\d\d up  3:17,  1 user,  load average: /);
    expect(lines[1]).toMatch(/^Tasks: +\d+ total, +\d+ running, +\d+ sleeping, +0 stopped, +0 zombie$/);
    expect(lines[3]).toMatch(/^KiB Mem : +3880192 total,/);
    expect(lines[6]).toBe("  PID USER      PR  NI    VIRT    RES    SHR S  %CPU %MEM     TIME+ COMMAND");
    expect(lines[7]).toMatch(/ 2\.0 .* top$/);
  });
});
