/**
 * The system call gate (arch/x86/entry, kernel/seccomp.c, security/): the one door from a process into the
 * kernel. Every userland action on the simulated host comes through `syscall()`, which does what the real entry
 * path does before the work itself: run the task's seccomp filter (a denied call returns its errno — EPERM for
 * the lab's chmod.json — or kills the task with SIGSYS), check capabilities, ask SELinux (the hook for the next
 * issue), then call the handler in its subsystem. Results are values: `{ ok: true, value }` or
 * `{ ok: false, errno: "EPERM" }`.
 *
 * Adding a kernel action = one entry in SYSCALLS (its capability and SELinux class) + its handler in the
 * subsystem's file; commands never edit kernel tables themselves.
 */
import type { Host } from "../host.js";
import type { Task } from "./tasks.js";
import { exitTask } from "./tasks.js";
import { decideSyscall } from "./seccomp.js";
import { auditSeccomp } from "./seccomp-audit.js";
import { capable } from "./credentials.js";
import { requiredCapability } from "./capabilities.js";
import { avcHasPerm, selinuxConfines, type AccessObject } from "./avc.js";
import { type ErrnoName, ErrnoError, errnoName } from "./errno.js";

/** A syscall's result as a value. `killed` when seccomp killed the task (SIGSYS). */
export type SyscallResult<T> = { ok: true; value: T } | { ok: false; errno: ErrnoName; killed?: boolean };

/** What the gate knows about one system call. */
interface SyscallEntry {
  /** capability always required (mount, umount2, sethostname …) */
  cap?: string;
  /** SELinux object class and permission asked of the policy */
  selinux?: [cls: string, perm: string];
}

/** AT_FDCWD as seccomp sees it in the first argument of the *at calls. */
export const AT_FDCWD = -100;

/** The system calls the simulated userland makes (x86_64 names as seccomp profiles list them). */
export const SYSCALLS: Record<string, SyscallEntry> = {
  openat: { selinux: ["file", "open"] },
  read: {},
  write: { selinux: ["file", "write"] },
  newfstatat: { selinux: ["file", "getattr"] },
  statx: { selinux: ["file", "getattr"] },
  getdents64: { selinux: ["dir", "read"] },
  readlinkat: { selinux: ["lnk_file", "read"] },
  mkdirat: { selinux: ["dir", "add_name"] },
  mknodat: { cap: "CAP_MKNOD", selinux: ["chr_file", "create"] },
  unlinkat: { selinux: ["dir", "remove_name"] },
  renameat2: { selinux: ["file", "rename"] },
  symlinkat: { selinux: ["lnk_file", "create"] },
  linkat: { selinux: ["file", "link"] },
  fchmodat: { selinux: ["file", "setattr"] },
  fchownat: { cap: "CAP_CHOWN", selinux: ["file", "setattr"] },
  utimensat: { selinux: ["file", "setattr"] },
  lsetxattr: { selinux: ["file", "relabelto"] },
  lgetxattr: { selinux: ["file", "getattr"] },
  mount: { cap: "CAP_SYS_ADMIN", selinux: ["filesystem", "mount"] },
  umount2: { cap: "CAP_SYS_ADMIN", selinux: ["filesystem", "unmount"] },
  unshare: { cap: "CAP_SYS_ADMIN" },
  setns: { cap: "CAP_SYS_ADMIN" },
  sethostname: { cap: "CAP_SYS_ADMIN" },
  kill: { selinux: ["process", "signal"] },
  clone: {},
  execve: { selinux: ["file", "execute"] },
  nanosleep: {},
  clock_nanosleep: {},
  getuid: {},
  uname: {},
  chmod: { selinux: ["file", "setattr"] },
  mmap: {},
  settimeofday: { cap: "CAP_SYS_TIME" },
  clock_settime: { cap: "CAP_SYS_TIME" },
  keyctl: {},
  reboot: { cap: "CAP_SYS_BOOT" },
  syslog: {},
  // rtnetlink requests (ip link set, ip addr add) travel as sendmsg on a netlink socket; changing a device needs
  // CAP_NET_ADMIN (checked here for the simulated requests, which all change something)
  sendmsg: { cap: "CAP_NET_ADMIN" },
};

/**
 * Enters the kernel as `task` (null = the kernel itself, e.g. an engine laying out image layers: no checks).
 * `regs` are the numeric arguments seccomp's argument rules look at; `run` is the handler; `target` finds the
 * object SELinux is asked about (engine/fs/inode-security.ts for file calls).
 */
export function syscall<T>(host: Host, task: Task | null, name: string, regs: number[], run: () => T, target?: () => AccessObject | undefined): SyscallResult<T> {
  const entry = SYSCALLS[name];
  if (!entry) throw new Error(`syscall: "${name}" is not in the syscall table`);
  if (task) {
    if (task.seccomp) {
      const d = decideSyscall(task.seccomp, { name, args: regs }, new Set(task.cred.caps));
      if (d.action === "errno") return { ok: false, errno: errnoName(d.errno) };
      // SCMP_ACT_LOG lets the call through and leaves an audit record (kernel/seccomp-audit.ts)
      if (d.action === "log") auditSeccomp(host, task, name, false);
      if (d.action === "kill" || d.action === "trap") {
        if (d.action === "kill") auditSeccomp(host, task, name, true, SIGSYS);
        // the task dies with SIGSYS (and a core dump) before the call does anything; its shell sees status 159
        task.state = "Z";
        task.exitStatus = 128 + SIGSYS;
        exitTask(host, task.pid, 128 + SIGSYS);
        return { ok: false, errno: "ENOSYS", killed: true };
      }
    }
    // capabilities: the table's `cap`, or one decided by the arguments (kernel/capabilities.ts: mknod of a device)
    const cap = requiredCapability(name, regs, entry.cap);
    if (cap && !capable(task.cred, cap)) return { ok: false, errno: "EPERM" };
    // SELinux (kernel/avc.ts): `target` looks up the object the call touches, only for a confined domain
    if (entry.selinux && target && selinuxConfines(host, task)) {
      const obj = target();
      if (obj && !avcHasPerm(host, task, name, regs, obj)) return { ok: false, errno: "EACCES" };
    }
  }
  try {
    return { ok: true, value: run() };
  } catch (e) {
    if (e instanceof ErrnoError) return { ok: false, errno: e.code };
    throw e;
  }
}

/** Signal number of SIGSYS (what a seccomp kill delivers). */
export const SIGSYS = 31;
