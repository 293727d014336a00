import { describe, it, expect } from "vitest";
import { seeded, fakeContainer } from "../helpers.js";
import { openSession } from "../../../engine/index.js";

describe("df, free", () => {
  it("df lists storage mounts only, an overlay like the disk under it", async () => {
    const { host, s } = seeded("rhel7");
    const lines = (await s.run("df -h")).stdout.split("\n");
    expect(lines[0]).toMatch(/^Filesystem +Size +Used +Avail +Use% +Mounted on$/);
    expect(lines[1]).toMatch(/^\/dev\/mapper\/rhel-root +17G /);
    expect(lines.some((l) => / \/proc$| \/sys\/fs\/cgroup/.test(l))).toBe(false);
    const c = fakeContainer(host, "b".repeat(64), ["bash"], "c1,c2");
    expect((await s.run("df -hT | grep -c overlay")).stdout).toBe("1\n");
    expect((await openSession(host, { task: c.init }).run("df -h /")).stdout).toMatch(/^Filesystem .*\noverlay +17G .* \/\n$/);
    expect((await s.run("df /boot/x | tail -1")).stdout).toMatch(/^\/dev\/sda1 /);
  });

  it("free reports the profile's memory", async () => {
    const { s } = seeded("rhel9");
    const lines = (await s.run("free -m")).stdout.split("\n");
    expect(lines[0]).toBe("              total        used        free      shared  buff/cache   available");
    expect(lines[1]).toMatch(/^Mem: +3735 /);
  });
});
