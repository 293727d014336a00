/**
 * The pids controller (Documentation/admin-guide/cgroup-v1/pids.rst, cgroup-v2.rst "PID"): a cap on how many
 * tasks a cgroup and its descendants may hold. `pids.current` counts them, `pids.max` is the cap ("max" = none);
 * fork() and clone() fail with EAGAIN when the new task would push any group on the path from the task's cgroup
 * up to the root over its cap. The cap is checked only when a task is created — moving tasks in with
 * `cgroup.procs` may exceed it — and a full group never kills anyone: it only refuses new tasks, which is why a
 * fork bomb in a container stops at `pids.max` while the host keeps working.
 *
 * The file is named the same on v1 (`/sys/fs/cgroup/pids/<group>/pids.max`) and v2.
 */
import type { Host } from "../host.js";

/** The interface file of the cap. */
export const PIDS_MAX = "pids.max";

/** Tasks in `group` and every group below it (pids.current). */
export function pidsCurrent(host: Host, group: string): number {
  const prefix = group === "/" ? "/" : group + "/";
  let n = 0;
  for (const k in host.tasks.byPid) {
    const c = host.tasks.byPid[k]!.cgroup;
    if (c === group || c.startsWith(prefix)) n++;
  }
  return n;
}

/** The groups from `group` up to (not including) the root, nearest first. */
function ancestry(group: string): string[] {
  const out: string[] = [];
  let g = group;
  while (g !== "/" && g !== "") {
    out.push(g);
    g = g.slice(0, g.lastIndexOf("/")) || "/";
  }
  return out;
}

/** The cap of `group` itself: a number, or Infinity for "max" or unset. */
export function pidsMaxOf(host: Host, group: string): number {
  const v = host.cgroups.groups[group]?.limits[PIDS_MAX];
  if (v === undefined || v.trim() === "max") return Infinity;
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : Infinity;
}

/**
 * pids_can_fork(): whether `n` more tasks (one fork each) fit in `group` and each of its ancestors. Groups
 * without a cap cost nothing to check, so the common case (no limit on the path) never counts tasks.
 */
export function pidsCanFork(host: Host, group: string, n = 1): boolean {
  for (const g of ancestry(group)) {
    const max = pidsMaxOf(host, g);
    if (max === Infinity) continue;
    if (pidsCurrent(host, g) + n > max) return false;
  }
  return true;
}

/** How many more tasks fit in `group` and its ancestors (Infinity when nothing on the path is capped). */
export function pidsRoom(host: Host, group: string): number {
  let room = Infinity;
  for (const g of ancestry(group)) {
    const max = pidsMaxOf(host, g);
    if (max !== Infinity) room = Math.min(room, Math.max(0, max - pidsCurrent(host, g)));
  }
  return room;
}
