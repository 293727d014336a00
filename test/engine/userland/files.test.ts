import { describe, it, expect } from "vitest";
import { seeded } from "../helpers.js";

describe("touch, mkdir, rm", () => {
  it("label new files by type transition or inheritance", async () => {
    const { s } = seeded("rhel9");
    await s.run("touch /tmp/a /etc/b /root/c; mkdir /mnt/d");
    expect((await s.run("stat -c %C /tmp/a /etc/b /root/c /mnt/d")).stdout).toBe(
      "unconfined_u:object_r:user_tmp_t:s0\nunconfined_u:object_r:etc_t:s0\nunconfined_u:object_r:admin_home_t:s0\nunconfined_u:object_r:mnt_t:s0\n",
    );
    expect((await s.run("stat -c '%A %U' /tmp/a /mnt/d")).stdout).toBe("-rw-r--r-- root\ndrwxr-xr-x root\n");
  });

  it("print coreutils' errors", async () => {
    const { s } = seeded("rhel9");
    expect((await s.run("mkdir /tmp")).stderr).toBe("mkdir: cannot create directory '/tmp': File exists\n");
    expect((await s.run("mkdir /a/b")).stderr).toBe("mkdir: cannot create directory '/a/b': No such file or directory\n");
    expect((await s.run("mkdir -p /a/b && ls -d /a/b")).stdout).toBe("/a/b\n");
    expect((await s.run("mkdir -m 700 /x && stat -c %a /x")).stdout).toBe("700\n");
  });

  it("touch updates times of an existing file", async () => {
    const { s } = seeded("rhel9");
    await s.run("touch /tmp/t");
    const before = (await s.run("stat -c %Y /tmp/t")).stdout;
    await s.run("sleep 120");
    await s.run("touch /tmp/t");
    expect(Number((await s.run("stat -c %Y /tmp/t")).stdout)).toBeGreaterThan(Number(before) + 100);
  });

  it("rm refuses / without --no-preserve-root, removes the rest", async () => {
    const { s } = seeded("rhel7");
    const r = await s.run("rm -rf /");
    expect(r.stderr).toBe("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
    expect(r.exitCode).toBe(1);
    expect((await s.run("ls /etc/hosts")).exitCode).toBe(0);
    await s.run("mkdir -p /tmp/d/e && touch /tmp/d/e/f && rm -r /tmp/d");
    expect((await s.run("ls /tmp")).stdout).toBe("");
  });
});
