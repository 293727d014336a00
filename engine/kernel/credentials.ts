/**
 * Credentials (credentials(7), capabilities(7)): who a task is. The uid/gid decide ownership of what it creates
 * and what ps prints; the capability set decides privileged operations (mount needs CAP_SYS_ADMIN, chown
 * CAP_CHOWN) and is what seccomp rules with `includes.caps` test. Root on the host holds every capability; a
 * container's process holds the engine's default bounding set (the list in podman's containers.conf).
 */

/**
 * Every capability the model knows, in bit order (include/uapi/linux/capability.h): 0–36 in RHEL 7's 3.10,
 * AUDIT_READ (37) from 3.16, PERFMON, BPF, CHECKPOINT_RESTORE (38–40) from 5.8/5.9 — RHEL 9's 5.14 has all 41.
 * Which of them a host's kernel has: `kernelCapabilities` in kernel/capabilities.ts.
 */
export const ALL_CAPS: readonly string[] = [
  "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID",
  "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",
  "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
  "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
  "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
  "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
  "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
];

/** podman's default capabilities for a container process (containers.conf `default_capabilities`). */
export const CONTAINER_DEFAULT_CAPS: readonly string[] = [
  "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_SETFCAP",
  "CAP_SETGID", "CAP_SETPCAP", "CAP_SETUID", "CAP_SYS_CHROOT",
];

/** A task's identity. Plain data. */
export interface Cred {
  uid: number;
  gid: number;
  /** supplementary groups */
  groups: number[];
  /** effective capability names */
  caps: string[];
}

/** Root with every capability: the host's own root processes. */
export function rootCred(): Cred {
  return { uid: 0, gid: 0, groups: [0], caps: [...ALL_CAPS] };
}

/** Whether the credentials hold capability `cap` (capable(9)). */
export function capable(cred: Cred, cap: string): boolean {
  return cred.caps.includes(cap);
}

/** `CapEff` of /proc/<pid>/status: the capability bitmask as 16 hex digits. */
export function capMask(caps: readonly string[]): string {
  let mask = 0n;
  for (const c of caps) {
    const bit = ALL_CAPS.indexOf(c);
    if (bit >= 0) mask |= 1n << BigInt(bit);
  }
  return mask.toString(16).padStart(16, "0");
}
