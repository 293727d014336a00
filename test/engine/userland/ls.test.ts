import { describe, it, expect } from "vitest";
import { seeded, fakeContainer } from "../helpers.js";
import { openSession } from "../../../engine/index.js";

describe("ls", () => {
  it("prints RHEL 7's -Z layout: a new dir in /tmp is user_tmp_t (seed notes)", async () => {
    const { s } = seeded("rhel7");
    await s.run("mkdir /tmp/selinux-test");
    expect((await s.run("ls -alhZ /tmp/selinux-test/")).stdout).toBe(
      "drwxr-xr-x. root root unconfined_u:object_r:user_tmp_t:s0 .\n" +
      "drwxrwxrwt. root root system_u:object_r:tmp_t:s0       ..\n",
    );
  });

  it("prints modern coreutils' -lZ layout on rhel9", async () => {
    const { s } = seeded("rhel9");
    await s.run("mkdir /tmp/t && touch /tmp/t/f");
    const lines = (await s.run("ls -lZ /tmp/t")).stdout.split("\n");
    expect(lines[0]).toBe("total 0");
    expect(lines[1]).toMatch(/^-rw-r--r--\. 1 root root unconfined_u:object_r:user_tmp_t:s0 0 Mar 26 13:00 f$/);
  });

  it("combines -lisah with inode numbers, blocks, human sizes and total (seed notes' /mnt listing)", async () => {
    const { host, s } = seeded("rhel7");
    // the seed notes: podman create -v /mnt:/mnt:Z …; touch /mnt/on on the host; ls -lisah /mnt inside
    const c = fakeContainer(host, "e".repeat(64), ["bash"], "c5,c6", [["/mnt", "/mnt"]]);
    await s.run("touch /mnt/on");
    const inside = openSession(host, { task: c.init });
    const lines = (await inside.run("ls -lisah /mnt")).stdout.split("\n");
    expect(lines[0]).toBe("total 8.0K");
    expect(lines[1]).toMatch(/^\s*\d+ 4\.0K drwxr-xr-x\. 2 root root 4\.0K Mar 26 13:00 \.$/);
    // the container root is an overlay merged from several layers: link count 1
    expect(lines[2]).toMatch(/^\s*\d+ 4\.0K drwxr-xr-x\. 1 root root 4\.0K Mar 26 13:00 \.\.$/);
    expect(lines[3]).toMatch(/^\s*\d+    0 -rw-r--r--\. 1 root root    0 Mar 26 13:00 on$/);
  });

  it("reports missing paths as coreutils of the profile does", async () => {
    expect((await seeded("rhel7").s.run("ls /nope")).stderr).toBe("ls: cannot access /nope: No such file or directory\n");
    const r = await seeded("rhel9").s.run("ls /nope");
    expect(r.stderr).toBe("ls: cannot access '/nope': No such file or directory\n");
    expect(r.exitCode).toBe(2);
  });

  it("lists names in columns on a terminal and one per line into a pipe", async () => {
    const { s } = seeded("rhel7");
    const cols = (await s.run("ls /")).stdout.split("\n");
    expect(cols.length).toBeLessThan(5);
    const piped = (await s.run("ls / | cat")).stdout.split("\n").filter(Boolean);
    expect(piped).toContain("etc");
    expect(piped.length).toBeGreaterThan(15);
    expect((await s.run("ls -d /etc /tmp")).stdout).toMatch(/^\/etc\s+\/tmp\n$/);
  });

  it("shows symlinks with -l and follows them without", async () => {
    const { s } = seeded("rhel9");
    expect((await s.run("ls -ld /bin")).stdout).toMatch(/^lrwxrwxrwx\. 1 root root 7 \w+ +\d+ +[\d:]+ \/bin -> usr\/bin\n$/);
    expect((await s.run("ls /bin | grep -c bash")).stdout).toBe("1\n");
  });

  it("lists recursively with -R, each directory under its name", async () => {
    const { s } = seeded("rhel9");
    await s.run("mkdir -p /srv/a/b /srv/c && touch /srv/a/f /srv/a/b/g");
    expect((await s.run("ls -R /srv")).stdout).toBe("/srv:\na  c\n\n/srv/a:\nb  f\n\n/srv/a/b:\ng\n\n/srv/c:\n");
  });
});
