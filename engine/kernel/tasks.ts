/**
 * The task table (kernel/fork.c, kernel/exit.c, kernel/pid.c): every process on the host, what `ps` reads.
 *
 * What always holds: pids only grow (until pid_max wraps, which a lab never reaches) and other activity on a real
 * host leaves gaps between them; every task has a parent, and when a parent exits its children are re-parented
 * to pid 1 (the init of their pid namespace); a task in a new pid namespace also has a pid inside it (the first
 * one is 1 there). A task may end on its own at a virtual time (`sleep 10` ends 10 s after it started): expired
 * tasks are reaped whenever anyone looks at the table.
 */
import type { Host } from "../host.js";
import type { SeccompFilter } from "./seccomp.js";
import type { Cred } from "./credentials.js";
import { type NsSet, getNamespace } from "./namespaces.js";
import { readClock } from "./clock.js";
import { createCgroup } from "./cgroups.js";
import { randInt } from "./rng.js";

/** One process. Plain data. */
export interface Task {
  /** pid in the initial pid namespace */
  pid: number;
  /** parent pid (initial namespace); 0 for pid 1 and kthreadd */
  ppid: number;
  /** pid inside the task's own pid namespace, when that is not the initial one (1 for a container's init) */
  vpid?: number;
  cred: Cred;
  /** controlling terminal: "pts/0", or "?" */
  tty: string;
  /** start time, ms since the epoch (virtual clock) */
  startMs: number;
  /** command line (/proc/<pid>/cmdline) */
  argv: string[];
  /** SELinux context (/proc/<pid>/attr/current) */
  label: string;
  /** cgroup path, e.g. "/machine.slice/libpod-<id>.scope" */
  cgroup: string;
  /** the namespaces it is in */
  ns: NsSet;
  /** virtual time at which it exits by itself (sleep 10, an entrypoint that finishes) */
  exitAt?: number;
  /** exit status it will have at exitAt */
  exitStatus?: number;
  /** container the task belongs to (64-hex id), if any */
  containerId?: string;
  /** seccomp filter inherited from its parent or installed by the OCI runtime */
  seccomp?: SeccompFilter;
  /** kernel thread: ps prints argv in brackets and it has no cmdline */
  kthread?: boolean;
  /** process state letter (ps STAT): R running, S sleeping */
  state: "R" | "S" | "D" | "Z" | "T";
  /** share of one CPU it uses, percent (ps C / %CPU, top) */
  cpuPercent: number;
  /** resident memory KiB */
  rssKiB: number;
  /** virtual memory KiB */
  vszKiB: number;
  /** working directory (for /proc/<pid>/cwd) */
  cwd: string;
  /** how many tasks have it as parent (kept by spawn/exit so an exit need not scan the table) */
  children?: number;
}

export interface TaskTable {
  byPid: Record<number, Task>;
  /** last pid handed out in the initial pid namespace */
  lastPid: number;
  /** /proc/sys/kernel/pid_max */
  pidMax: number;
  /** clock time of the last full reap: a second look at the same instant needs no scan */
  reapedAt?: { nowMs: number };
  /** pids of tasks with an exit timer (exitAt) */
  timed?: number[];
}

/** What a caller decides about a new task; the rest is inherited from the parent. */
export interface TaskSpec {
  ppid: number;
  argv: string[];
  cred?: Cred;
  tty?: string;
  label?: string;
  cgroup?: string;
  ns?: Partial<NsSet>;
  exitAt?: number;
  exitStatus?: number;
  containerId?: string;
  seccomp?: SeccompFilter | null;
  cwd?: string;
  state?: Task["state"];
  cpuPercent?: number;
  rssKiB?: number;
  vszKiB?: number;
  /** use exactly this pid (boot only) */
  pid?: number;
  kthread?: boolean;
  /** no random gap before this pid (pipeline members forked back to back) */
  noGap?: boolean;
}

/** An empty table. */
export function createTaskTable(pidMax: number): TaskTable {
  return { byPid: {}, lastPid: 0, pidMax };
}

/** alloc_pid(): the next pid, leaving the small gaps other activity on a real host leaves. */
export function allocPid(host: Host, noGap = false): number {
  const t = host.tasks;
  const gap = noGap ? 0 : randInt(host.rng, 4) === 0 ? randInt(host.rng, 12) : 0;
  t.lastPid = t.lastPid + 1 + gap;
  if (t.lastPid >= t.pidMax) t.lastPid = 300;
  while (t.byPid[t.lastPid]) t.lastPid++;
  return t.lastPid;
}

/** fork()+exec(): creates a task under `spec.ppid`, inheriting what the spec leaves out from the parent. */
export function spawnTask(host: Host, spec: TaskSpec): Task {
  const parent = host.tasks.byPid[spec.ppid];
  if (spec.ppid !== 0 && !parent) throw new Error(`spawnTask: parent pid ${spec.ppid} does not exist`);
  const pid = spec.pid ?? allocPid(host, spec.noGap);
  if (spec.pid !== undefined && spec.pid > host.tasks.lastPid) host.tasks.lastPid = spec.pid;
  const ns: NsSet = { ...(parent?.ns ?? host.namespaces.init), ...spec.ns };
  const task: Task = {
    pid,
    ppid: spec.ppid,
    cred: spec.cred ?? structuredClone(parent!.cred),
    tty: spec.tty ?? parent?.tty ?? "?",
    startMs: readClock(host.clock, host.edge.timeSource),
    argv: spec.argv,
    label: spec.label ?? parent?.label ?? "system_u:system_r:kernel_t:s0",
    cgroup: spec.cgroup ?? parent?.cgroup ?? "/",
    ns,
    state: spec.state ?? "S",
    cpuPercent: spec.cpuPercent ?? 0,
    rssKiB: spec.rssKiB ?? 2000,
    vszKiB: spec.vszKiB ?? 11800,
    cwd: spec.cwd ?? parent?.cwd ?? "/",
  };
  const seccomp = spec.seccomp === null ? undefined : spec.seccomp ?? parent?.seccomp;
  if (seccomp) task.seccomp = seccomp;
  const containerId = spec.containerId ?? parent?.containerId;
  if (containerId) task.containerId = containerId;
  if (spec.exitAt !== undefined) task.exitAt = spec.exitAt;
  if (spec.exitStatus !== undefined) task.exitStatus = spec.exitStatus;
  if (spec.kthread) task.kthread = true;
  if (ns.pid !== host.namespaces.init.pid) {
    const pidns = getNamespace(host.namespaces, ns.pid);
    pidns.lastPid = (pidns.lastPid ?? 0) + 1;
    task.vpid = pidns.lastPid;
  }
  host.tasks.byPid[pid] = task;
  // a task is always in a cgroup that exists (systemd made the slices and units of the boot processes)
  if (!host.cgroups.groups[task.cgroup]) createCgroup(host, task.cgroup);
  if (parent) parent.children = (parent.children ?? 0) + 1;
  if (task.exitAt !== undefined) (host.tasks.timed ??= []).push(pid);
  return task;
}

/** The task `pid`, after reaping expired ones; undefined if it is gone. */
export function getTask(host: Host, pid: number): Task | undefined {
  reapTasks(host);
  return host.tasks.byPid[pid];
}

/** do_exit(): removes the task, re-parents its children to init, and tells the exit listeners. */
export function exitTask(host: Host, pid: number, status = 0): void {
  const task = host.tasks.byPid[pid];
  if (!task) return;
  delete host.tasks.byPid[pid];
  const parent = host.tasks.byPid[task.ppid];
  if (parent && parent.children) parent.children--;
  // the init of a pid namespace takes every task in it down with it (pid_namespaces(7))
  if (task.vpid === 1) {
    for (const k in host.tasks.byPid) {
      const t = host.tasks.byPid[k];
      if (t && t.ns.pid === task.ns.pid) exitTask(host, t.pid, 128 + 9);
    }
  }
  if (task.children) {
    const initPid = pidNsInit(host, task.ns.pid);
    const init = host.tasks.byPid[initPid];
    for (const k in host.tasks.byPid) {
      const child = host.tasks.byPid[k];
      if (!child || child.ppid !== pid) continue;
      child.ppid = initPid;
      if (init) init.children = (init.children ?? 0) + 1;
    }
  }
  for (const listener of host.hooks.taskExit) listener(host, task, status);
}

/** The init task's pid (initial namespace numbering) of pid namespace `pidns`; 1 for the host. */
export function pidNsInit(host: Host, pidns: number): number {
  if (pidns === host.namespaces.init.pid) return 1;
  for (const t of Object.values(host.tasks.byPid)) if (t.ns.pid === pidns && t.vpid === 1) return t.pid;
  return 1;
}

/**
 * Ends every task whose exitAt has passed (in exitAt order, so listeners see a consistent history). Only tasks
 * with a timer are looked at: those spawned with `exitAt` or given one through `setExitAt`. A `full` pass scans
 * the whole table (listTasks does one, since it walks the table anyway), so a timer set by writing `task.exitAt`
 * directly is honoured at the latest when someone lists the processes; use setExitAt to be exact.
 */
export function reapTasks(host: Host, full = false): void {
  const now = readClock(host.clock, host.edge.timeSource);
  const table = host.tasks;
  if (full) {
    if (table.reapedAt?.nowMs === now) return;
    const timed: number[] = [];
    for (const k in table.byPid) if (table.byPid[k].exitAt !== undefined) timed.push(table.byPid[k].pid);
    table.timed = timed;
    table.reapedAt = { nowMs: now };
  }
  const timed = table.timed ?? [];
  let due: Task[] | undefined;
  for (const pid of timed) {
    const t = table.byPid[pid];
    if (t && t.exitAt !== undefined && t.exitAt <= now) (due ??= []).push(t);
  }
  if (!due) return;
  due.sort((a, b) => a.exitAt! - b.exitAt! || a.pid - b.pid);
  for (const t of due) if (table.byPid[t.pid]) exitTask(host, t.pid, t.exitStatus ?? 0);
  table.timed = timed.filter((pid) => table.byPid[pid] !== undefined);
}

/** Gives a task a time to exit by itself (a `sleep 10` entrypoint ends 10 s after it started). */
export function setExitAt(host: Host, task: Task, exitAt: number, exitStatus = 0): void {
  task.exitAt = exitAt;
  task.exitStatus = exitStatus;
  (host.tasks.timed ??= []).push(task.pid);
}

/** The tasks visible from pid namespace `pidns` (all of them from the initial one), sorted by pid. */
export function listTasks(host: Host, pidns?: number): Task[] {
  reapTasks(host, true);
  const all = Object.values(host.tasks.byPid);
  const visible = pidns === undefined || pidns === host.namespaces.init.pid ? all : all.filter((t) => t.ns.pid === pidns);
  return visible.sort((a, b) => a.pid - b.pid);
}

/** The pid of `task` as seen from pid namespace `pidns`. */
export function pidIn(host: Host, task: Task, pidns: number): number {
  if (pidns === host.namespaces.init.pid || task.ns.pid !== pidns) return task.pid;
  return task.vpid ?? task.pid;
}

/** The task known as `pid` inside pid namespace `pidns`. */
export function findTaskInNs(host: Host, pidns: number, pid: number): Task | undefined {
  reapTasks(host);
  if (pidns === host.namespaces.init.pid) return host.tasks.byPid[pid];
  return Object.values(host.tasks.byPid).find((t) => t.ns.pid === pidns && t.vpid === pid);
}

/** ps' CMD: the argv joined, or the name in brackets for a kernel thread. */
export function commandLine(task: Task): string {
  return task.argv.join(" ");
}

/** The short command name (comm, 15 chars max as in the kernel). */
export function commName(task: Task): string {
  if (task.kthread) return task.argv[0].replace(/^\[|\]$/g, "").slice(0, 15);
  const first = task.argv[0] ?? "";
  const base = first.startsWith("-") ? first.slice(1) : first.split("/").pop() ?? first;
  return base.replace(/:$/, "").slice(0, 15);
}
