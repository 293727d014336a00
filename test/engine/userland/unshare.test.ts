import { describe, it, expect } from "vitest";
import { seeded } from "../helpers.js";

describe("unshare", () => {
  it("gives a program its own hostname (-u)", async () => {
    const { s } = seeded("rhel9");
    expect((await s.run("unshare -u sh -c 'hostname inner; hostname'")).stdout).toBe("inner\n");
    expect((await s.run("hostname")).stdout).toBe("rhel9\n");
  });

  it("makes the program pid 1 of a new pid namespace with --fork --mount-proc", async () => {
    const { s } = seeded("rhel9");
    const out = (await s.run("unshare --pid --fork --mount-proc ps -ef")).stdout.split("\n");
    expect(out[1]).toMatch(/^root +1 +0 .* ps -ef$/);
    expect(out.filter(Boolean)).toHaveLength(2);
    // the host's /proc is untouched
    expect((await s.run("ls /proc | grep -c '^1$'")).stdout).toBe("1\n");
  });

  it("keeps mounts made inside a new mount namespace (-m) away from the host", async () => {
    const { s } = seeded("rhel9");
    await s.run("mkdir /srv/x /mnt/y && touch /srv/x/f");
    expect((await s.run("unshare -m sh -c 'mount --bind /srv/x /mnt/y; ls /mnt/y'")).stdout).toBe("f\n");
    expect((await s.run("ls /mnt/y")).stdout).toBe("");
  });

  it("opens a nested shell without a program, closed by exit", async () => {
    const { s } = seeded("rhel9");
    await s.run("unshare -u");
    expect(s.depth).toBe(2);
    await s.run("hostname sandbox");
    expect(s.prompt).toBe("[root@sandbox ~]# ");
    await s.run("exit");
    expect(s.prompt).toBe("[root@rhel9 ~]# ");
  });
});
