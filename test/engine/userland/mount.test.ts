import { describe, it, expect } from "vitest";
import { seeded } from "../helpers.js";

describe("mount, umount", () => {
  it("lists the boot mounts of the profile", async () => {
    const r7 = (await seeded("rhel7").s.run("mount")).stdout;
    expect(r7.split("\n")[0]).toBe("/dev/mapper/rhel-root on / type xfs (rw,relatime,seclabel,attr2,inode64,noquota)");
    expect(r7).toContain("cgroup on /sys/fs/cgroup/memory type cgroup (rw,nosuid,nodev,noexec,relatime,seclabel,memory)");
    const r9 = (await seeded("rhel9").s.run("mount -t cgroup2")).stdout;
    expect(r9).toBe("cgroup2 on /sys/fs/cgroup type cgroup2 (rw,nosuid,nodev,noexec,relatime,seclabel,nsdelegate,memory_recursiveprot)\n");
  });

  it("bind-mounts and unmounts", async () => {
    const { s } = seeded("rhel9");
    await s.run("mkdir /srv/a /mnt/b && touch /srv/a/file");
    expect((await s.run("mount --bind /srv/a /mnt/b && ls /mnt/b")).stdout).toBe("file\n");
    expect((await s.run("mount | grep /mnt/b")).stdout).toBe("/dev/mapper/rhel-root on /mnt/b type xfs (rw,relatime,seclabel,attr2,inode64,noquota)\n");
    expect((await s.run("cat /proc/mounts | grep /mnt/b")).stdout).toBe("/dev/mapper/rhel-root /mnt/b xfs rw,relatime,seclabel,attr2,inode64,noquota 0 0\n");
    await s.run("umount /mnt/b");
    expect((await s.run("ls /mnt/b")).stdout).toBe("");
    const r = await s.run("umount /mnt/b");
    expect(r.stderr).toBe("umount: /mnt/b: not mounted\n");
    expect(r.exitCode).toBe(32);
  });
});
