import { describe, it, expect } from "vitest";
import { seeded, fakeContainer } from "../helpers.js";
import { openSession, kernelFs, unmount, listMounts, formatMountLine } from "../../../engine/index.js";

describe("overlay", () => {
  it("shows a file touched in the merged dir inside the container, and vice versa", async () => {
    const { host, s } = seeded("rhel7");
    const c = fakeContainer(host, "1".repeat(64), ["bash"], "c1,c2");
    await s.run(`touch ${c.merged}/test.txt`);
    const inside = openSession(host, { task: c.init });
    expect((await inside.run("ls /")).stdout).toContain("test.txt");
    await inside.run("echo hi > /root/from-inside");
    expect((await s.run(`cat ${c.merged}/root/from-inside`)).stdout).toBe("hi\n");
    // the upper dir holds the changes; the shared lower layer is untouched
    expect((await s.run(`ls /var/lib/containers/storage/overlay/${c.id}/diff`)).stdout).toMatch(/root\s+test\.txt/);
    expect((await s.run("ls /var/lib/containers/storage/overlay/aaaa/diff")).stdout).not.toContain("test.txt");
  });

  it("keeps containers of one image apart (copy-on-write, whiteouts)", async () => {
    const { host, s } = seeded("rhel9");
    const a = fakeContainer(host, "2".repeat(64), ["bash"], "c3,c4");
    const b = fakeContainer(host, "3".repeat(64), ["bash"], "c5,c6");
    const ia = openSession(host, { task: a.init });
    const ib = openSession(host, { task: b.init });
    await ia.run("echo changed > /etc/hosts; rm /etc/os-release");
    expect((await ia.run("cat /etc/hosts; ls /etc")).stdout).toBe("changed\nhosts\n");
    expect((await ib.run("cat /etc/hosts; ls -1 /etc")).stdout).toBe("127.0.0.1 localhost\nhosts\nos-release\n");
    // the whiteout is a 0/0 character device in a's upper dir
    expect((await s.run(`ls -l /var/lib/containers/storage/overlay/${a.id}/diff/etc/os-release`)).stdout).toMatch(/^c---------\. 1 root root 0, 0 /);
  });

  it("labels every file of the merged tree with the mount's context, and prints the mount line", async () => {
    const { host, s } = seeded("rhel7");
    const c = fakeContainer(host, "4".repeat(64), ["bash"], "c7,c8");
    const inside = openSession(host, { task: c.init });
    expect((await inside.run("ls -dZ /etc")).stdout).toBe("drwxr-xr-x. root root system_u:object_r:container_file_t:s0:c7,c8 /etc\n");
    const line = (await s.run("mount | grep merged")).stdout;
    expect(line).toBe(
      `overlay on ${c.merged} type overlay (rw,relatime,context="system_u:object_r:container_file_t:s0:c7,c8",lowerdir=/var/lib/containers/storage/overlay/aaaa/diff,upperdir=/var/lib/containers/storage/overlay/${c.id}/diff,workdir=/var/lib/containers/storage/overlay/${c.id}/work)\n`,
    );
    // inside, mount shows the container's own table with / as the overlay
    expect((await inside.run("mount | head -1")).stdout).toMatch(/^overlay on \/ type overlay \(rw,relatime,context=/);
    unmount(host, host.namespaces.init.mnt, c.merged);
    expect(listMounts(host, host.namespaces.init.mnt).map(formatMountLine).some((l) => l.includes(c.merged))).toBe(false);
    expect(kernelFs(host).readdirSync(c.merged)).toEqual([]);
  });

  it("relabels a bind-mounted volume (:Z) and the host sees the container's label", async () => {
    const { host, s } = seeded("rhel7");
    await s.run("mkdir /tmp/selinux-test");
    const c = fakeContainer(host, "5".repeat(64), ["ls", "-alhZ", "/tmp/selinux-test"], "c530,c695", [["/tmp/selinux-test", "/tmp/selinux-test"]]);
    kernelFs(host).setLabelSync("/tmp/selinux-test", "system_u:object_r:container_file_t:s0:c530,c695");
    const inside = openSession(host, { task: c.init });
    expect((await inside.run("ls -alhZ /tmp/selinux-test")).stdout).toBe(
      "drwxr-xr-x. root root system_u:object_r:container_file_t:s0:c530,c695 .\n" +
      "drwxrwxrwt. root root system_u:object_r:container_file_t:s0:c530,c695 ..\n",
    );
    expect((await s.run("ls -alhZ /tmp/selinux-test/")).stdout).toBe(
      "drwxr-xr-x. root root system_u:object_r:container_file_t:s0:c530,c695 .\n" +
      "drwxrwxrwt. root root system_u:object_r:tmp_t:s0       ..\n",
    );
  });
});
