/**
 * The kernel's message ring buffer (kernel/printk/printk.c; what `dmesg` and /dev/kmsg read): every message the
 * kernel prints, stamped with the time since boot. The boot messages of a long-running host have long scrolled out
 * of a 256 KiB buffer on a real machine; here a few remain, then whatever the kernel said since the lab started
 * (the OOM killer's report, for one).
 *
 * What always holds: records only grow in time order; the buffer is plain data in the host, so a snapshot carries
 * it. The oldest records are dropped past `KMSG_MAX_RECORDS` (the real buffer wraps by size; counting records is
 * the simplification).
 */
import type { Host } from "../host.js";
import type { HostProfile } from "../profiles/profile.js";

/** One message. */
export interface KmsgRecord {
  /** microseconds since boot (the `[ 1234.567890]` stamp) */
  usec: number;
  /** syslog level: 0 emerg … 3 err, 4 warning, 6 info */
  level: number;
  text: string;
}

/** The ring buffer. Plain data. */
export interface KernelLog {
  records: KmsgRecord[];
}

/** How many records the buffer keeps. */
export const KMSG_MAX_RECORDS = 2000;

/** LOG_ERR, LOG_WARNING, LOG_INFO (syslog(2)). */
export const KERN_ERR = 3;
export const KERN_WARNING = 4;
export const KERN_INFO = 6;

/** The first lines a booted kernel leaves in the buffer. */
export function createKernelLog(profile: HostProfile): KernelLog {
  const boot = [
    `Linux version ${profile.kernelRelease} (mockbuild@x86-vm-07.build.eng.bos.redhat.com) ${profile.kernelVersion}`,
    `Command line: BOOT_IMAGE=/vmlinuz-${profile.kernelRelease} root=/dev/mapper/rhel-root ro crashkernel=auto rd.lvm.lv=rhel/root rhgb quiet`,
    "x86/fpu: Supporting XSAVE feature 0x001: 'x87 floating point registers'",
    `Memory: ${Math.round(profile.memTotalKiB * 0.97)}k/${profile.memTotalKiB}k available`,
    `smpboot: Allowing ${profile.cpus} CPUs, 0 hotplug CPUs`,
    "SELinux:  Initializing.",
    "systemd[1]: Detected virtualization kvm.",
    "XFS (dm-0): Mounting V5 Filesystem",
  ];
  return { records: boot.map((text, i) => ({ usec: i * 1713 + (i > 5 ? 2_400_000 : 0), level: KERN_INFO, text })) };
}

/** printk(): appends a message stamped with the time since boot. */
export function printk(host: Host, level: number, text: string): void {
  const log = host.kmsg.records;
  // messages printed in one burst are microseconds apart, not at the same instant
  const last = log[log.length - 1];
  const now = Math.max(0, Math.round((host.clock.nowMs - host.clock.bootMs) * 1000));
  const usec = last && last.usec >= now ? last.usec + 23 : now;
  log.push({ usec, level, text });
  if (log.length > KMSG_MAX_RECORDS) log.splice(0, log.length - KMSG_MAX_RECORDS);
}

/** `[ 1234.567890]`: seconds since boot, right-aligned in five places, microseconds. */
export function formatKmsgStamp(usec: number): string {
  const s = Math.floor(usec / 1_000_000);
  const us = String(usec % 1_000_000).padStart(6, "0");
  return `[${String(s).padStart(5, " ")}.${us}]`;
}
