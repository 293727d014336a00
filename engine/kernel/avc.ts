/**
 * The access vector cache and the enforcing switch (security/selinux/avc.c, selinuxfs `enforce`): where the
 * syscall gate asks SELinux, and what happens on "no". The decision itself comes from the policy
 * (kernel/selinux-policy.ts) and is cached per (source, target, class, permissions), as the real AVC caches
 * `security_compute_av`. A denial is always audited — `avc:  denied  { read } for  pid=… comm="cat" name="x" …
 * permissive=0` — and then:
 *
 * - enforcing (`setenforce 1`, the default of both profiles): the call fails with EACCES ("Permission denied");
 * - permissive (`setenforce 0`): the call goes ahead and the record says `permissive=1`.
 *
 * Unconfined domains (the student's shell, spc_t) never get this far: the gate skips them before looking up the
 * object, so SELinux costs nothing on the host's own commands.
 */
import type { Host } from "../host.js";
import type { Task } from "./tasks.js";
import { deniedPerms, isConfinedDomain, typeOf } from "./selinux-policy.js";
import { logAuditEvent, untrustedString } from "./audit.js";

/** SELinux's state in the kernel: the enforcing switch. Plain data in the host. */
export interface SelinuxState {
  /** /sys/fs/selinux/enforce: true = enforcing, false = permissive */
  enforcing: boolean;
  /** false = booted with selinux=0: no access decisions at all (labels stay as data); benches compare with it */
  enabled?: boolean;
}

/** Boot state: /etc/selinux/config says SELINUX=enforcing on both profiles. */
export function createSelinuxState(): SelinuxState {
  return { enforcing: true };
}

/** The SELinux state of a host (created on first use, so a snapshot taken before it existed still restores). */
export function selinuxState(host: Host): SelinuxState {
  const h = host as Host & { selinux?: SelinuxState };
  return (h.selinux ??= createSelinuxState());
}

/** The object a system call touches, as the LSM hook sees its inode. */
export interface AccessObject {
  /** security.selinux of the inode (or the mount's context=) */
  label: string;
  /** object class: file, dir, lnk_file, chr_file … */
  tclass: string;
  /** permissions asked, e.g. ["read"], ["write", "add_name"] */
  perms: string[];
  /** the last path component (the AVC's name=) */
  name: string;
  /** the file system's device name (dev=): "overlay", "dm-0", "tmpfs", "proc" */
  dev: string;
  ino: number;
}

/** x86_64 syscall numbers, for the SYSCALL record (arch/x86/entry/syscalls/syscall_64.tbl). */
const SYSCALL_NR: Record<string, number> = {
  read: 0, write: 1, kill: 62, chmod: 90, execve: 59, lsetxattr: 189, lgetxattr: 192, getdents64: 217,
  openat: 257, mkdirat: 258, mknodat: 259, fchownat: 260, newfstatat: 262, unlinkat: 263, linkat: 265,
  symlinkat: 266, readlinkat: 267, fchmodat: 268, utimensat: 280, renameat2: 316, statx: 332,
};

/** Whether the gate must look the object up for this task at all (never when SELinux is off). */
export function selinuxConfines(host: Host | undefined, task: Task): boolean {
  if (host && host.selinux?.enabled === false) return false;
  return isConfinedDomain(typeOf(task.label));
}

/**
 * avc_has_perm: may `task` do `obj.perms` on `obj`? Audits a denial; returns false only when enforcing.
 * `syscall` and `regs` go into the SYSCALL record.
 */
export function avcHasPerm(host: Host, task: Task, syscall: string, regs: readonly number[], obj: AccessObject): boolean {
  const key = `avc:${task.label}|${obj.label}|${obj.tclass}|${obj.perms.join(",")}`;
  let denied = host.caches.get(key) as string[] | undefined;
  if (!denied) {
    denied = deniedPerms(task.label, obj.label, obj.tclass, obj.perms);
    host.caches.set(key, denied);
  }
  if (denied.length === 0) return true;
  const enforcing = selinuxState(host).enforcing;
  if (!enforcing) {
    // permissive: the AVC remembers the access as granted after auditing it once (avc_update_node), so the
    // same access is not logged again until the cache is flushed (setenforce does that)
    const granted = `avc-permissive:${key}`;
    if (host.caches.has(granted)) return true;
    host.caches.set(granted, true);
  }
  auditDenial(host, task, syscall, regs, obj, denied, enforcing);
  return !enforcing;
}

/** The three records of a denial. */
function auditDenial(host: Host, task: Task, syscall: string, regs: readonly number[], obj: AccessObject, denied: string[], enforcing: boolean): void {
  const comm = untrustedString(commOf(task));
  const avc = `avc:  denied  { ${denied.join(" ")} } for  pid=${task.pid} comm=${comm} name=${untrustedString(obj.name)} ` +
    `dev="${obj.dev}" ino=${obj.ino} scontext=${task.label} tcontext=${obj.label} tclass=${obj.tclass} permissive=${enforcing ? 0 : 1}`;
  // the registers as audit prints them: AT_FDCWD (-100) is a0=ffffff9c
  const a = (i: number): string => ((regs[i] ?? 0) >>> 0).toString(16);
  const tty = task.tty === "?" ? "(none)" : task.tty.replace("/", "");
  const { uid, gid } = task.cred;
  const sys = `arch=c000003e syscall=${SYSCALL_NR[syscall] ?? 0} success=${enforcing ? "no" : "yes"} exit=${enforcing ? -13 : 3} ` +
    `a0=${a(0)} a1=${a(1)} a2=${a(2)} a3=${a(3)} items=0 ppid=${task.ppid} pid=${task.pid} auid=4294967295 ` +
    `uid=${uid} gid=${gid} euid=${uid} suid=${uid} fsuid=${uid} egid=${gid} sgid=${gid} fsgid=${gid} tty=${tty} ` +
    `ses=4294967295 comm=${comm} exe="${exeOf(task)}" subj=${task.label} key=(null)`;
  logAuditEvent(host, [["AVC", avc], ["SYSCALL", sys], ["PROCTITLE", `proctitle=${untrustedString(task.argv.join("\0"))}`]]);
}

/** comm: the program's base name, 15 characters at most. */
function commOf(task: Task): string {
  const first = task.argv[0] ?? "";
  return first.slice(first.lastIndexOf("/") + 1).slice(0, 15);
}

/** exe: where the program lives (the simulated userland installs everything in /usr/bin). */
function exeOf(task: Task): string {
  const first = task.argv[0] ?? "";
  return first.startsWith("/") ? first : `/usr/bin/${first}`;
}

/** The root of selinuxfs: a container's view has none (podman masks it), so SELinux looks disabled in there. */
export function selinuxfsVisible(task: Task): boolean {
  return !selinuxConfines(undefined, task);
}

/**
 * A write of "0" or "1" to /sys/fs/selinux/enforce (sel_write_enforce): root only (the file is 0644), and the
 * policy's `security { setenforce }`, which no confined domain holds. A change is audited as MAC_STATUS.
 */
export function setEnforcing(host: Host, task: Task, enforcing: boolean): "EACCES" | undefined {
  if (task.cred.uid !== 0 || !selinuxfsVisible(task)) return "EACCES";
  const state = selinuxState(host);
  const old = state.enforcing;
  state.enforcing = enforcing;
  // a mode switch flushes the AVC (avc_ss_reset)
  for (const k of [...host.caches.keys()]) if (k.startsWith("avc")) host.caches.delete(k);
  logAuditEvent(host, [["MAC_STATUS", `enforcing=${enforcing ? 1 : 0} old_enforcing=${old ? 1 : 0} auid=0 ses=1 enabled=1 old-enabled=1 lsm=selinux res=1`]]);
  return undefined;
}
