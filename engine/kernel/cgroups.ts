/**
 * Control groups (cgroups(7); Documentation/admin-guide/cgroup-v2.rst): a tree of groups, each task in exactly
 * one, each group with limits. On cgroup v2 (RHEL 9) there is one unified tree; on v1 (RHEL 7) every controller
 * has its own hierarchy mounted under /sys/fs/cgroup/<controller>, which here all mirror the same tree, as
 * systemd keeps them. Limits are kept as the interface files print them (`memory.max` = "max" or bytes).
 */
import type { Host } from "../host.js";

/** One group. Plain data. */
export interface Cgroup {
  /** path from the root, "/" for the root */
  path: string;
  /** interface file → value, e.g. { "memory.max": "44040192", "pids.max": "2048" } */
  limits: Record<string, string>;
  /** event counters the kernel keeps for the group (memory.events: max, oom, oom_kill — kernel/oom.ts) */
  events?: Record<string, number>;
}

export interface CgroupTree {
  version: 1 | 2;
  groups: Record<string, Cgroup>;
}

/** The v1 hierarchies RHEL 7 mounts (combined ones as one name, like the mount points). */
export const V1_HIERARCHIES = [
  "systemd", "cpuset", "cpu,cpuacct", "memory", "devices", "freezer", "net_cls,net_prio", "blkio", "perf_event", "hugetlb", "pids",
];

/** A tree with the root group and the slices systemd creates at boot. */
export function createCgroupTree(version: 1 | 2): CgroupTree {
  const tree: CgroupTree = { version, groups: {} };
  for (const p of ["/", "/init.scope", "/system.slice", "/user.slice", "/machine.slice"]) tree.groups[p] = { path: p, limits: {} };
  return tree;
}

/** mkdir in the cgroup fs: creates `path` and missing ancestors, with `limits` set on the leaf. */
export function createCgroup(host: Host, path: string, limits: Record<string, string> = {}): Cgroup {
  const parts = path.split("/").filter(Boolean);
  let cur = "";
  for (const part of parts) {
    cur += "/" + part;
    host.cgroups.groups[cur] ??= { path: cur, limits: {} };
  }
  const g = host.cgroups.groups[path === "" ? "/" : path] ?? host.cgroups.groups["/"];
  Object.assign(g.limits, limits);
  return g;
}

/** rmdir in the cgroup fs (the group and its descendants). */
export function removeCgroup(host: Host, path: string): void {
  for (const p of Object.keys(host.cgroups.groups)) if (p === path || p.startsWith(path + "/")) delete host.cgroups.groups[p];
}

/**
 * How /proc/<pid>/cgroup names a v1 hierarchy: named ones with `name=`, and co-mounted controllers in the kernel's
 * own order, which is the reverse of the mount point's (`cpuacct,cpu` on /sys/fs/cgroup/cpu,cpuacct, as RHEL 7 shows).
 */
const V1_PROC_NAMES: Record<string, string> = { systemd: "name=systemd", "cpu,cpuacct": "cpuacct,cpu", "net_cls,net_prio": "net_prio,net_cls" };

/** /proc/<pid>/cgroup lines for a task in `path` (v2: `0::/path`; v1: one line per hierarchy, numbered). */
export function procCgroupLines(tree: CgroupTree, path: string): string {
  if (tree.version === 2) return `0::${path}\n`;
  return V1_HIERARCHIES.map((h, i) => `${i + 1}:${V1_PROC_NAMES[h] ?? h}:${path}`).reverse().join("\n") + "\n";
}
