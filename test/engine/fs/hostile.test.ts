// Hostile input to the file system and shell: path escapes, symlink loops, deep nesting, huge names and files.
import { describe, it, expect } from "vitest";
import { seeded, fakeContainer } from "../helpers.js";
import { openSession } from "../../../engine/index.js";

describe("hostile paths", () => {
  it("never lets a container climb out of its root with .. or symlinks", async () => {
    const { host } = seeded("rhel7");
    const c = fakeContainer(host, "d".repeat(64), ["bash"], "c1,c2");
    const inside = openSession(host, { task: c.init });
    expect((await inside.run("ls /../../../../")).stdout).not.toContain("var\n");
    await inside.run("ln -s /../../../../etc /root/escape");
    expect((await inside.run("ls /root/escape/")).stdout).toBe("hosts  os-release\n");
    expect((await inside.run("cat /../../etc/shadow")).exitCode).toBe(1);
  });

  it("stops symlink loops with ELOOP", async () => {
    const { s } = seeded();
    await s.run("ln -s /tmp/b /tmp/a; ln -s /tmp/a /tmp/b");
    const r = await s.run("cat /tmp/a");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^cat: \/tmp\/a: /);
    expect((await s.run("stat -L /tmp/a")).stderr).toBe("stat: cannot stat '/tmp/a': Too many levels of symbolic links\n");
  });

  it("handles deep nesting, long names and big files", async () => {
    const { s } = seeded();
    const deep = "/tmp/" + Array.from({ length: 200 }, (_, i) => `d${i}`).join("/");
    expect((await s.run(`mkdir -p ${deep} && ls -d ${deep} | wc -c`)).stdout).toBe(`${deep.length + 1}\n`);
    const r = await s.run(`touch /tmp/${"x".repeat(300)}`);
    expect(r.stderr).toMatch(/File name too long/);
    await s.run("seq 1 50000 > /tmp/big; cat /tmp/big /tmp/big /tmp/big /tmp/big > /tmp/bigger");
    expect((await s.run("wc -l /tmp/bigger")).stdout).toBe("200000 /tmp/bigger\n");
    expect((await s.run("ls -l /tmp/bigger")).stdout).toMatch(/ 1155576 /);
  });

  it("survives a rename of a directory into itself and rm of mount points", async () => {
    const { s } = seeded();
    await s.run("mkdir -p /tmp/p/q");
    expect((await s.run("mv /tmp/p /tmp/p/q/r")).exitCode).not.toBe(0);
    expect((await s.run("rmdir /proc")).exitCode).not.toBe(0);
    expect((await s.run("ls /proc/1/status")).exitCode).toBe(0);
  });
});
