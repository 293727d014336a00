/**
 * What seccomp tells the audit subsystem (kernel/seccomp.c seccomp_log, audit_seccomp): a call a filter killed the
 * task for, and a call a rule marked SCMP_ACT_LOG, each become a `SECCOMP` record (type 1326) in
 * /var/log/audit/audit.log — the only trace SCMP_ACT_LOG leaves, since it lets the call through:
 *
 *   type=SECCOMP msg=audit(1774530302.123:312): auid=4294967295 uid=0 gid=0 ses=4294967295
 *     subj=system_u:system_r:container_t:s0:c1,c2 pid=4242 comm="mkdir" exe="/usr/bin/mkdir" sig=31
 *     arch=c000003e syscall=258 compat=0 ip=0x7f3a2c6b1b1b code=0x0
 *
 * `code` is the filter's return value (SECCOMP_RET_KILL_THREAD 0, LOG 0x7ffc0000), `sig` the signal the task got.
 * ERRNO and TRAP decisions are logged only when the filter was loaded with SECCOMP_FILTER_FLAG_LOG, which runc and
 * crun do not set, so they leave no record (the sysctl `kernel.seccomp.actions_logged` default lists them, but
 * the flag is needed too). Processes of a container have no login session: auid and ses are unset (-1).
 */
import type { Host } from "../host.js";
import type { Task } from "./tasks.js";
import { logAuditEvent } from "./audit.js";

/** AUDIT_ARCH_X86_64, as `arch=` prints it. */
const ARCH_X86_64 = "c000003e";
/** SECCOMP_RET_* values of the logged actions. */
const RET_KILL_THREAD = 0x00000000;
const RET_LOG = 0x7ffc0000;
/** An unset login uid/session (AUDIT_UID_UNSET). */
const UNSET = 4294967295;

/** x86_64 numbers of the calls the simulated userland makes (arch/x86/entry/syscalls/syscall_64.tbl). */
const NR: Record<string, number> = {
  read: 0, write: 1, mmap: 9, clone: 56, execve: 59, kill: 62, uname: 63, chmod: 90, getuid: 102, syslog: 103,
  settimeofday: 164, mount: 165, umount2: 166, reboot: 169, sethostname: 170, nanosleep: 35, clock_settime: 227,
  clock_nanosleep: 230, lsetxattr: 189, lgetxattr: 192, getdents64: 217, keyctl: 250, openat: 257, mkdirat: 258,
  mknodat: 259, fchownat: 260, newfstatat: 262, unlinkat: 263, linkat: 265, symlinkat: 266, readlinkat: 267,
  fchmodat: 268, unshare: 272, utimensat: 280, setns: 308, renameat2: 316, statx: 332,
};

/** Logs a call seccomp killed `task` for (`killed`) or let through under SCMP_ACT_LOG. */
export function auditSeccomp(host: Host, task: Task, syscall: string, killed: boolean, signal = 31): void {
  const a0 = task.argv[0] ?? "";
  const comm = (a0.startsWith("-") ? a0.slice(1) : a0.slice(a0.lastIndexOf("/") + 1)).slice(0, 15);
  const exe = a0.startsWith("/") ? a0 : `/usr/bin/${comm}`;
  const login = task.containerId ? UNSET : 0;
  const ses = task.containerId ? UNSET : 1;
  // a believable user-space return address inside libc, fixed per process
  const ip = `0x7f${(0x3a2c6b1b1b + task.pid * 4099).toString(16)}`;
  const code = killed ? RET_KILL_THREAD : RET_LOG;
  logAuditEvent(host, [[
    "SECCOMP",
    `auid=${login} uid=${task.cred.uid} gid=${task.cred.gid} ses=${ses} subj=${task.label} pid=${task.pid} ` +
      `comm="${comm}" exe="${exe}" sig=${killed ? signal : 0} arch=${ARCH_X86_64} syscall=${NR[syscall] ?? 0} ` +
      `compat=0 ip=${ip} code=0x${code.toString(16)}`,
  ]]);
}
