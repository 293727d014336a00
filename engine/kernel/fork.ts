/**
 * fork(2) as a process asks for it (kernel/fork.c copy_process): the child is a copy of its parent — same
 * credentials, label, namespaces, cgroup and seccomp filter — and the call goes through the syscall gate like any
 * other, so seccomp sees a `clone` and the pids controller (kernel/pids.ts) may refuse it with EAGAIN.
 *
 * What a refused fork looks like from bash (jobs.c make_child): it prints `fork: retry: Resource temporarily
 * unavailable` and sleeps 1, 2, 4 and 8 seconds between attempts, then gives up with `fork: Resource temporarily
 * unavailable` and abandons the command line with status 126 (EX_NOEXEC). `forkRefusal` gives that text.
 */
import type { Host } from "../host.js";
import { type Task, type TaskSpec, spawnTask } from "./tasks.js";
import { type SyscallResult, syscall } from "./syscalls.js";
import { ErrnoError, STRERROR } from "./errno.js";
import { pidsCanFork, pidsRoom } from "./pids.js";

/** clone() flags glibc's fork() passes: SIGCHLD as the exit signal, no CLONE_NEW* flags. */
export const FORK_CLONE_FLAGS = 17;

/** bash's retries after EAGAIN (FORKSLEEP_MAX 16: sleeps of 1, 2, 4, 8 seconds). */
export const FORK_RETRY_SLEEPS_S = [1, 2, 4, 8];

/** Forks `parent`: the child gets `spec` on top of what it inherits. EAGAIN when its cgroup is full. */
export function forkTask(host: Host, parent: Task, spec: Omit<TaskSpec, "ppid">): SyscallResult<Task> {
  return syscall(host, parent, "clone", [FORK_CLONE_FLAGS, 0, 0, 0, 0], () => {
    if (!pidsCanFork(host, spec.cgroup ?? parent.cgroup)) throw new ErrnoError("EAGAIN", "fork", "");
    return spawnTask(host, { ...spec, ppid: parent.pid });
  });
}

/**
 * Many forks of `parent` in a row, as a runaway fork chain makes them: as many as fit in its cgroup, at most
 * `limit`. One pass through the gate stands for all of them (the same filter decides each the same way).
 */
export function forkMany(host: Host, parent: Task, spec: Omit<TaskSpec, "ppid">, limit: number): number {
  const r = syscall(host, parent, "clone", [FORK_CLONE_FLAGS, 0, 0, 0, 0], () => {
    const n = Math.min(limit, pidsRoom(host, spec.cgroup ?? parent.cgroup));
    for (let i = 0; i < n; i++) spawnTask(host, { ...spec, argv: [...spec.argv], ppid: parent.pid });
    return n;
  });
  return r.ok ? r.value : 0;
}

/** What bash prints when fork keeps failing: `retries` retry lines, then the final one (`shell` = "bash"). */
export function forkRefusal(shell: string, retries = FORK_RETRY_SLEEPS_S.length): string {
  const why = STRERROR.EAGAIN;
  return `${shell}: fork: retry: ${why}\n`.repeat(retries) + `${shell}: fork: ${why}\n`;
}
