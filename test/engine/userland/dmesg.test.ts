/** dmesg: the kernel's ring buffer with stamps since boot, -T wall-clock times, -l levels. */
import { describe, expect, it } from "vitest";
import { seeded } from "../helpers.js";
import { printk, KERN_ERR } from "../../../engine/kernel/printk.js";

describe("dmesg", () => {
  it("prints the boot messages and what the kernel said since, in order", async () => {
    const { host, s } = seeded("rhel9");
    printk(host, KERN_ERR, "test: something went wrong");
    const all = (await s.run("dmesg")).stdout.trimEnd().split("\n");
    expect(all[0]).toBe("[    0.000000] Linux version 5.14.0-427.13.1.el9_4.x86_64 (mockbuild@x86-vm-07.build.eng.bos.redhat.com) #1 SMP PREEMPT_DYNAMIC Wed Apr 10 10:29:16 EDT 2024");
    expect(all[all.length - 1]).toMatch(/^\[ *\d+\.\d{6}\] test: something went wrong$/);
    expect((await s.run("dmesg -l err")).stdout).toMatch(/^\[ *\d+\.\d{6}\] test: something went wrong\n$/);
    expect((await s.run("dmesg -T | tail -1")).stdout).toMatch(/^\[Thu Mar 26 13:00:0\d 2026\] test: something went wrong\n$/);
    expect((await s.run("dmesg -x | tail -1")).stdout).toMatch(/^kern  :err   : \[/);
  });

  it("rejects what it does not know", async () => {
    const { s } = seeded("rhel9");
    expect((await s.run("dmesg -l loud")).stderr).toBe("dmesg: unknown level 'loud'\n");
  });
});
