/**
 * The memory controller's charge and the OOM killer (mm/memcontrol.c, mm/oom_kill.c;
 * Documentation/admin-guide/cgroup-v2.rst "Memory", cgroup-v1/memory.rst). Every page a task touches is charged to
 * its cgroup; when the charge would take a group over `memory.max` (v1: `memory.limit_in_bytes`) and nothing can be
 * reclaimed — anonymous memory without swap cannot — the memcg OOM killer picks the task in that group with the
 * largest footprint and sends it SIGKILL. The group's `memory.events` counts `max`, `oom` and `oom_kill`, and the
 * kernel logs a report that ends `Memory cgroup out of memory: Killed process 1234 (tail) total-vm:…`. Without a
 * limit on the path the whole machine is the limit (MemTotal) and the global OOM killer says `Out of memory:`.
 *
 * Simplifications on purpose: memory is a number (a task's rss), never allocated; a task's whole rss is anonymous
 * memory; no swap, no page cache, no reclaim; the badness score is the rss.
 */
import type { Host } from "../host.js";
import type { Task } from "./tasks.js";
import { exitTask } from "./tasks.js";
import { KERN_ERR, KERN_INFO, KERN_WARNING, printk } from "./printk.js";

/** SIGKILL, what the OOM killer sends. */
const SIGKILL = 9;
/** v1's "no limit" (PAGE_COUNTER_MAX pages, as memory.limit_in_bytes prints it). */
const V1_UNLIMITED = 9223372036854771712;
const PAGE_KIB = 4;

/** What a charge did. */
export type ChargeResult = { ok: true } | { ok: false; victim: Task; group: string };

function inGroup(t: Task, group: string): boolean {
  return group === "/" || t.cgroup === group || t.cgroup.startsWith(group + "/");
}

/** The limit set on `group` itself, bytes (Infinity if none). */
export function memoryMaxOf(host: Host, group: string): number {
  const g = host.cgroups.groups[group];
  const v = g?.limits["memory.max"] ?? g?.limits["memory.limit_in_bytes"];
  if (v === undefined || v.trim() === "max" || v.trim() === "-1") return Infinity;
  const n = Number(v.trim());
  return !Number.isFinite(n) || n >= V1_UNLIMITED ? Infinity : n;
}

/** Memory charged to `group` and its descendants, bytes (memory.current). */
export function memoryCurrent(host: Host, group: string): number {
  let kib = 0;
  for (const k in host.tasks.byPid) {
    const t = host.tasks.byPid[k]!;
    if (!t.kthread && inGroup(t, group)) kib += t.rssKiB;
  }
  return kib * 1024;
}

/** The nearest group on the task's path whose limit the charge would exceed; "/" = the machine itself. */
function limitingGroup(host: Host, task: Task, bytes: number): string | undefined {
  let g = task.cgroup;
  while (g !== "/" && g !== "") {
    const max = memoryMaxOf(host, g);
    if (max !== Infinity && memoryCurrent(host, g) + bytes > max) return g;
    g = g.slice(0, g.lastIndexOf("/")) || "/";
  }
  if (memoryCurrent(host, "/") + bytes > host.profile.memTotalKiB * 1024) return "/";
  return undefined;
}

/**
 * A task touches `bytes` more anonymous memory. Within the limits its rss grows and the charge succeeds; over a
 * limit the task fills what is left, the OOM killer runs in the limiting group and its victim is gone (status 137).
 */
export function chargeMemory(host: Host, task: Task, bytes: number): ChargeResult {
  const group = limitingGroup(host, task, bytes);
  if (group === undefined) {
    task.rssKiB += Math.ceil(bytes / 1024);
    task.vszKiB = Math.max(task.vszKiB, task.rssKiB + 4000);
    return { ok: true };
  }
  const limit = group === "/" ? host.profile.memTotalKiB * 1024 : memoryMaxOf(host, group);
  const room = Math.max(0, limit - memoryCurrent(host, group));
  task.rssKiB += Math.floor(room / 1024);
  // the faulting allocation never completes: what is mapped is what was touched, plus the program itself
  task.vszKiB = Math.max(task.vszKiB, task.rssKiB + 4000);
  const victim = selectVictim(host, group) ?? task;
  countEvents(host, group);
  report(host, task, victim, group, limit);
  // the victim is a zombie until its parent reaps it: its shell reads the status and says "Killed"
  victim.state = "Z";
  victim.exitStatus = 128 + SIGKILL;
  exitTask(host, victim.pid, 128 + SIGKILL);
  return { ok: false, victim, group };
}

/** select_bad_process(): the biggest task in the group (init of the host is never chosen). */
function selectVictim(host: Host, group: string): Task | undefined {
  let best: Task | undefined;
  for (const k in host.tasks.byPid) {
    const t = host.tasks.byPid[k]!;
    if (t.kthread || t.pid === 1 || !inGroup(t, group)) continue;
    if (!best || t.rssKiB > best.rssKiB) best = t;
  }
  return best;
}

/** memory.events (v2) and memory.failcnt (v1) of the group that hit its limit. */
function countEvents(host: Host, group: string): void {
  const g = host.cgroups.groups[group];
  if (!g) return;
  const ev = (g.events ??= {});
  ev.max = (ev.max ?? 0) + 1;
  ev.oom = (ev.oom ?? 0) + 1;
  ev.oom_kill = (ev.oom_kill ?? 0) + 1;
}

function comm(t: Task): string {
  const a = t.argv[0] ?? "";
  return (a.startsWith("-") ? a.slice(1) : a.slice(a.lastIndexOf("/") + 1)).slice(0, 15);
}

/** The report mm/oom_kill.c prints (dump_header, the task list, the kill line), trimmed to its telling lines. */
function report(host: Host, task: Task, victim: Task, group: string, limit: number): void {
  const memcg = group !== "/";
  const v1 = host.cgroups.version === 1;
  const usageKiB = Math.round(memoryCurrent(host, group) / 1024);
  const failcnt = host.cgroups.groups[group]?.events?.max ?? 1;
  const say = (text: string, level = KERN_WARNING) => printk(host, level, text);
  const tasks = Object.values(host.tasks.byPid).filter((t) => !t.kthread && inGroup(t, group)).sort((a, b) => a.pid - b.pid);
  const pages = (kib: number) => Math.round(kib / PAGE_KIB);
  if (v1) {
    say(`${comm(task)} invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=0`);
    say(`${comm(task)} cpuset=/ mems_allowed=0`);
    say(`CPU: 0 PID: ${task.pid} Comm: ${comm(task)} Kdump: loaded Not tainted ${host.profile.kernelRelease} #1`);
    if (memcg) {
      say(`Task in ${group} killed as a result of limit of ${group}`, KERN_INFO);
      say(`memory: usage ${usageKiB}kB, limit ${Math.round(limit / 1024)}kB, failcnt ${failcnt}`, KERN_INFO);
      say(`memory+swap: usage ${usageKiB}kB, limit 9007199254740988kB, failcnt 0`, KERN_INFO);
      say(`kmem: usage 0kB, limit 9007199254740988kB, failcnt 0`, KERN_INFO);
    }
    say(`[ pid ]   uid  tgid total_vm      rss nr_ptes swapents oom_score_adj name`, KERN_INFO);
    for (const t of tasks) {
      say(`[${String(t.pid).padStart(5)}] ${String(t.cred.uid).padStart(5)} ${String(t.pid).padStart(5)} ${String(pages(t.vszKiB)).padStart(8)} ${String(pages(t.rssKiB)).padStart(8)} ${String(Math.ceil(t.vszKiB / 2048) + 3).padStart(7)} ${"0".padStart(8)} ${"0".padStart(13)} ${comm(t)}`, KERN_INFO);
    }
    const score = Math.min(1000, Math.round((victim.rssKiB * 1024 * 1000) / limit));
    say(`${memcg ? "Memory cgroup out of memory" : "Out of memory"}: Kill process ${victim.pid} (${comm(victim)}) score ${score} or sacrifice child`, KERN_ERR);
    say(`Killed process ${victim.pid} (${comm(victim)}) total-vm:${victim.vszKiB}kB, anon-rss:${victim.rssKiB}kB, file-rss:0kB, shmem-rss:0kB`, KERN_ERR);
    return;
  }
  say(`${comm(task)} invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0`);
  say(`CPU: 0 PID: ${task.pid} Comm: ${comm(task)} Kdump: loaded Not tainted ${host.profile.kernelRelease} #1`);
  if (memcg) {
    say(`memory: usage ${usageKiB}kB, limit ${Math.round(limit / 1024)}kB, failcnt ${failcnt}`, KERN_INFO);
    say(`swap: usage 0kB, limit 0kB, failcnt 0`, KERN_INFO);
    say(`Memory cgroup stats for ${group}:`, KERN_INFO);
  }
  say(`Tasks state (memory values in pages):`, KERN_INFO);
  say(`[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name`, KERN_INFO);
  for (const t of tasks) {
    say(`[${String(t.pid).padStart(7)}] ${String(t.cred.uid).padStart(5)} ${String(t.pid).padStart(5)} ${String(pages(t.vszKiB)).padStart(8)} ${String(pages(t.rssKiB)).padStart(8)} ${String((Math.ceil(t.vszKiB / 2048) + 3) * 4096).padStart(14)} ${"0".padStart(8)} ${"0".padStart(13)} ${comm(t)}`, KERN_INFO);
  }
  const where = memcg ? `CONSTRAINT_MEMCG,nodemask=(null),cpuset=${group.slice(group.lastIndexOf("/") + 1)},mems_allowed=0,oom_memcg=${group},task_memcg=${victim.cgroup}` : `CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=${victim.cgroup}`;
  say(`oom-kill:constraint=${where},task=${comm(victim)},pid=${victim.pid},uid=${victim.cred.uid}`, KERN_INFO);
  const pt = (Math.ceil(victim.vszKiB / 2048) + 3) * 4;
  say(`${memcg ? "Memory cgroup out of memory" : "Out of memory"}: Killed process ${victim.pid} (${comm(victim)}) total-vm:${victim.vszKiB}kB, anon-rss:${victim.rssKiB}kB, file-rss:0kB, shmem-rss:0kB, UID:${victim.cred.uid} pgtables:${pt}kB oom_score_adj:0`, KERN_ERR);
}

