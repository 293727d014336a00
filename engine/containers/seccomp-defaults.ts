/**
 * The default seccomp profiles of the container engines, as a compact table of decisions.
 *
 * When no `--security-opt seccomp=…` is given, podman applies containers-common's profile
 * (/usr/share/containers/seccomp.json: unlisted calls fail with ENOSYS, 38, so programs fall back gracefully) and
 * docker its built-in one (unlisted calls fail with EPERM, 1). Both allow the ordinary calls of a program, both
 * gate a few on capabilities (settimeofday needs CAP_SYS_TIME, chroot CAP_SYS_CHROOT …). They differ on namespaces
 * and mounts: docker lets `unshare`, `mount`, `setns`, `clone` with namespace flags through only with
 * CAP_SYS_ADMIN, podman leaves those to the capability checks in the kernel. docker does not list `keyctl`, so it
 * fails with EPERM there.
 *
 * The table below is our own summary of those decisions for x86_64 (arch-specific rows of other machines and the
 * `minKernel` gates are folded in); it is turned into an ordinary SeccompFilter, so the same decision code serves
 * a lab's own profile and the defaults.
 */
import { EINVAL, ENOSYS, EPERM, type SeccompArg, type SeccompFilter, type SeccompRule } from "../kernel/seccomp.js";

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== "");
}

/** Allowed to every container by both engines' default profiles. */
const ALLOWED_BY_BOTH = words(`
_llseek _newselect accept accept4 access adjtimex alarm bind brk capget capset chdir chmod chown chown32
clock_adjtime clock_adjtime64 clock_getres clock_getres_time64 clock_gettime clock_gettime64 clock_nanosleep
clock_nanosleep_time64 close close_range connect copy_file_range creat dup dup2 dup3 epoll_create epoll_create1
epoll_ctl epoll_ctl_old epoll_pwait epoll_pwait2 epoll_wait epoll_wait_old eventfd eventfd2 execve execveat exit
exit_group faccessat faccessat2 fadvise64 fadvise64_64 fallocate fanotify_mark fchdir fchmod fchmodat fchmodat2
fchown fchown32 fchownat fcntl fcntl64 fdatasync fgetxattr flistxattr flock fork fremovexattr fsetxattr fstat
fstat64 fstatat64 fstatfs fstatfs64 fsync ftruncate ftruncate64 futex futex_time64 futimesat get_robust_list
get_thread_area getcpu getcwd getdents getdents64 getegid getegid32 geteuid geteuid32 getgid getgid32 getgroups
getgroups32 getitimer getpeername getpgid getpgrp getpid getppid getpriority getrandom getresgid getresgid32
getresuid getresuid32 getrlimit getrusage getsid getsockname getsockopt gettid gettimeofday getuid getuid32
getxattr inotify_add_watch inotify_init inotify_init1 inotify_rm_watch io_cancel io_destroy io_getevents
io_setup io_submit ioctl ioprio_get ioprio_set ipc kill landlock_add_rule landlock_create_ruleset
landlock_restrict_self lchown lchown32 lgetxattr link linkat listen listxattr llistxattr lremovexattr lseek
lsetxattr lstat lstat64 madvise membarrier memfd_create memfd_secret mincore mkdir mkdirat mknod mknodat mlock
mlock2 mlockall mmap mmap2 mprotect mq_getsetattr mq_notify mq_open mq_timedreceive mq_timedreceive_time64
mq_timedsend mq_timedsend_time64 mq_unlink mremap msgctl msgget msgrcv msgsnd msync munlock munlockall munmap
name_to_handle_at nanosleep newfstatat open openat openat2 pause pidfd_open pidfd_send_signal pipe pipe2
pkey_alloc pkey_free pkey_mprotect poll ppoll ppoll_time64 prctl pread64 preadv preadv2 prlimit64
process_mrelease process_vm_readv process_vm_writev pselect6 pselect6_time64 ptrace pwrite64 pwritev pwritev2
read readahead readlink readlinkat readv recv recvfrom recvmmsg recvmmsg_time64 recvmsg remap_file_pages
removexattr rename renameat renameat2 restart_syscall rmdir rseq rt_sigaction rt_sigpending rt_sigprocmask
rt_sigqueueinfo rt_sigreturn rt_sigsuspend rt_sigtimedwait rt_sigtimedwait_time64 rt_tgsigqueueinfo
sched_get_priority_max sched_get_priority_min sched_getaffinity sched_getattr sched_getparam sched_getscheduler
sched_rr_get_interval sched_rr_get_interval_time64 sched_setaffinity sched_setattr sched_setparam
sched_setscheduler sched_yield seccomp select semctl semget semop semtimedop semtimedop_time64 send sendfile
sendfile64 sendmmsg sendmsg sendto set_robust_list set_thread_area set_tid_address setfsgid setfsgid32 setfsuid
setfsuid32 setgid setgid32 setgroups setgroups32 setitimer setpgid setpriority setregid setregid32 setresgid
setresgid32 setresuid setresuid32 setreuid setreuid32 setrlimit setsid setsockopt setuid setuid32 setxattr shmat
shmctl shmdt shmget shutdown sigaltstack signalfd signalfd4 sigprocmask sigreturn socketcall socketpair splice
stat stat64 statfs statfs64 statx symlink symlinkat sync sync_file_range syncfs sysinfo tee tgkill time
timer_create timer_delete timer_getoverrun timer_gettime timer_gettime64 timer_settime timer_settime64
timerfd_create timerfd_gettime timerfd_gettime64 timerfd_settime timerfd_settime64 times tkill truncate
truncate64 ugetrlimit umask uname unlink unlinkat utime utimensat utimensat_time64 utimes vfork wait4 waitid
waitpid write writev
`);

/** Allowed by podman's profile to everyone: namespace, mount and keyring calls are left to capabilities. */
const ALLOWED_BY_PODMAN_ONLY = words(`
clone clone3 fanotify_init fsconfig fsmount fsopen fspick get_mempolicy keyctl mbind mount mount_setattr
move_mount open_tree pidfd_getfd pivot_root reboot set_mempolicy setns signal syslog umount umount2 unshare
`);

/** Allowed by docker's profile but not (or not yet) listed by podman's, so ENOSYS there. */
const ALLOWED_BY_DOCKER_ONLY = words(`
cachestat futex_requeue futex_wait futex_waitv futex_wake getxattrat io_pgetevents io_pgetevents_time64
listmount listxattrat map_shadow_stack mseal removexattrat riscv_hwprobe setxattrat statmount uretprobe vmsplice
`);

/** Listed by podman's profile as denied with EPERM (obsolete or dangerous calls). */
const DENIED_EPERM_BY_PODMAN = words(`
bdflush cachestat futex_requeue futex_wait futex_waitv futex_wake io_pgetevents io_pgetevents_time64
kexec_file_load kexec_load map_shadow_stack migrate_pages move_pages nfsservctl nice oldfstat oldlstat
oldolduname oldstat olduname pciconfig_iobase pciconfig_read pciconfig_write sgetmask ssetmask swapoff swapon
syscall sysfs uselib userfaultfd ustat vm86 vm86old vmsplice
`);

/** Capability-gated calls: allowed when the container holds the capability. */
const CAP_GATED: { cap: string; podman: string; docker: string }[] = [
  { cap: "CAP_DAC_READ_SEARCH", podman: "open_by_handle_at", docker: "open_by_handle_at" },
  {
    cap: "CAP_SYS_ADMIN",
    podman: "bpf lookup_dcookie perf_event_open quotactl quotactl_fd setdomainname sethostname",
    docker:
      "bpf clone clone3 fanotify_init fsconfig fsmount fsopen fspick lookup_dcookie lsm_get_self_attr " +
      "lsm_list_modules lsm_set_self_attr mount mount_setattr move_mount open_tree perf_event_open quotactl " +
      "quotactl_fd setdomainname sethostname setns syslog umount umount2 unshare",
  },
  { cap: "CAP_SYS_BOOT", podman: "", docker: "reboot" },
  { cap: "CAP_SYS_CHROOT", podman: "chroot", docker: "chroot" },
  { cap: "CAP_SYS_MODULE", podman: "delete_module finit_module init_module query_module", docker: "delete_module finit_module init_module" },
  { cap: "CAP_SYS_PACCT", podman: "acct", docker: "acct" },
  { cap: "CAP_SYS_PTRACE", podman: "kcmp process_madvise", docker: "kcmp pidfd_getfd process_madvise" },
  { cap: "CAP_SYS_RAWIO", podman: "ioperm iopl", docker: "ioperm iopl" },
  { cap: "CAP_SYS_TIME", podman: "clock_settime clock_settime64 settimeofday stime", docker: "clock_settime clock_settime64 settimeofday stime" },
  { cap: "CAP_SYS_TTY_CONFIG", podman: "vhangup", docker: "vhangup" },
  { cap: "CAP_SYS_NICE", podman: "", docker: "get_mempolicy mbind set_mempolicy set_mempolicy_home_node" },
  { cap: "CAP_SYSLOG", podman: "", docker: "syslog" },
  { cap: "CAP_BPF", podman: "bpf", docker: "bpf" },
  { cap: "CAP_PERFMON", podman: "perf_event_open", docker: "perf_event_open" },
];

/** personality(2) personas both profiles allow: PER_LINUX, UNAME26, PER_LINUX32, UNAME26|PER_LINUX32, query. */
const PERSONAS = [0x0, 0x8, 0x20000, 0x20008, 0xffffffff];

/** clone(2) namespace flags (CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET). */
const CLONE_NAMESPACE_FLAGS = 0x7e020000;

/** AF_NETLINK and NETLINK_AUDIT: the audit socket needs CAP_AUDIT_WRITE under podman's profile. */
const AF_NETLINK = 16;
const NETLINK_AUDIT = 9;

/** Architectures the engines put into config.json on x86_64. */
export const X86_64_ARCHITECTURES = ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"];

function rule(names: string[], action: SeccompRule["action"], extra: Partial<SeccompRule> = {}): SeccompRule {
  return { names, action, args: [], includesCaps: [], excludesCaps: [], includesArches: [], excludesArches: [], ...extra };
}

function eq(index: number, value: number): SeccompArg {
  return { index, value, valueTwo: 0, op: "SCMP_CMP_EQ" };
}

function ne(index: number, value: number): SeccompArg {
  return { index, value, valueTwo: 0, op: "SCMP_CMP_NE" };
}

/** The default profile of an engine, as a filter. */
export function defaultSeccompFilter(engine: "podman" | "docker"): SeccompFilter {
  const rules: SeccompRule[] = [];
  if (engine === "podman") {
    rules.push(rule(DENIED_EPERM_BY_PODMAN, "SCMP_ACT_ERRNO", { errnoRet: EPERM }));
    rules.push(rule([...ALLOWED_BY_BOTH, ...ALLOWED_BY_PODMAN_ONLY].sort(), "SCMP_ACT_ALLOW"));
  } else {
    rules.push(rule([...ALLOWED_BY_BOTH, ...ALLOWED_BY_DOCKER_ONLY].sort(), "SCMP_ACT_ALLOW"));
  }
  for (const p of PERSONAS) rules.push(rule(["personality"], "SCMP_ACT_ALLOW", { args: [eq(0, p)] }));
  rules.push(rule(["arch_prctl", "modify_ldt"], "SCMP_ACT_ALLOW"));
  const gatingCaps = new Map<string, string[]>();
  for (const row of CAP_GATED) {
    for (const n of words(engine === "podman" ? row.podman : row.docker)) gatingCaps.set(n, [...(gatingCaps.get(n) ?? []), row.cap]);
  }
  for (const row of CAP_GATED) {
    const names = words(engine === "podman" ? row.podman : row.docker);
    if (names.length === 0) continue;
    rules.push(rule(names, "SCMP_ACT_ALLOW", { includesCaps: [row.cap] }));
    // podman names the refusal explicitly (EPERM rather than its ENOSYS default), unless another capability that
    // also opens the call is held (bpf: CAP_SYS_ADMIN or CAP_BPF); docker's default is EPERM anyway.
    if (engine === "podman") {
      const except = [...new Set(names.flatMap((n) => gatingCaps.get(n) ?? []))];
      rules.push(rule(names, "SCMP_ACT_ERRNO", { errnoRet: EPERM, excludesCaps: except }));
    }
  }
  if (engine === "podman") {
    // Without CAP_AUDIT_WRITE an audit netlink socket is refused with EINVAL; every other socket is fine.
    rules.push(rule(["socket"], "SCMP_ACT_ERRNO", { errnoRet: EINVAL, args: [eq(0, AF_NETLINK), eq(2, NETLINK_AUDIT)], excludesCaps: ["CAP_AUDIT_WRITE"] }));
    rules.push(rule(["socket"], "SCMP_ACT_ALLOW", { args: [ne(2, NETLINK_AUDIT)], excludesCaps: ["CAP_AUDIT_WRITE"] }));
    rules.push(rule(["socket"], "SCMP_ACT_ALLOW", { args: [ne(0, AF_NETLINK)], excludesCaps: ["CAP_AUDIT_WRITE"] }));
    rules.push(rule(["socket"], "SCMP_ACT_ALLOW", { includesCaps: ["CAP_AUDIT_WRITE"] }));
  } else {
    // docker refuses AF_VSOCK (40) sockets only.
    rules.push(rule(["socket"], "SCMP_ACT_ALLOW", { args: [{ index: 0, value: 40, valueTwo: 0, op: "SCMP_CMP_NE" }] }));
    // clone without namespace flags is fine for everyone; clone3 cannot be inspected, so glibc is told ENOSYS.
    rules.push(
      rule(["clone"], "SCMP_ACT_ALLOW", {
        args: [{ index: 0, value: CLONE_NAMESPACE_FLAGS, valueTwo: 0, op: "SCMP_CMP_MASKED_EQ" }],
        excludesCaps: ["CAP_SYS_ADMIN"],
      }),
    );
    rules.push(rule(["clone3"], "SCMP_ACT_ERRNO", { errnoRet: ENOSYS, excludesCaps: ["CAP_SYS_ADMIN"] }));
  }
  return engine === "podman"
    ? { source: "podman default", defaultAction: "SCMP_ACT_ERRNO", defaultErrnoRet: ENOSYS, rules }
    : { source: "docker default", defaultAction: "SCMP_ACT_ERRNO", defaultErrnoRet: EPERM, rules };
}

/**
 * The `linux.seccomp` section of config.json: the engine resolves `includes`/`excludes` against the container's
 * capabilities before handing the profile to the runtime, so only the rules that apply are written.
 */
export function ociSeccompSection(filter: SeccompFilter, caps: ReadonlySet<string>, architectures: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { defaultAction: filter.defaultAction };
  if (filter.defaultErrnoRet !== undefined) out.defaultErrnoRet = filter.defaultErrnoRet;
  if (architectures.length > 0) out.architectures = architectures;
  const syscalls: Record<string, unknown>[] = [];
  for (const r of filter.rules) {
    if (r.includesCaps.some((c) => !caps.has(c)) || r.excludesCaps.some((c) => caps.has(c))) continue;
    const entry: Record<string, unknown> = { names: r.names, action: r.action };
    if (r.errnoRet !== undefined) entry.errnoRet = r.errnoRet;
    if (r.args.length > 0) entry.args = r.args.map((a) => (a.valueTwo ? { ...a } : { index: a.index, value: a.value, op: a.op }));
    syscalls.push(entry);
  }
  out.syscalls = syscalls;
  return out;
}
