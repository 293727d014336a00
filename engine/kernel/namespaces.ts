/**
 * Namespaces (namespaces(7)): what a task sees of the host. Every task points at one namespace of each type;
 * tasks of the host share the initial ones, a container gets fresh mnt, pid, uts, ipc and net namespaces (podman
 * also a cgroup namespace on cgroup v2). A namespace is named by its inode number, as `/proc/<pid>/ns/<type>`
 * shows (`mnt:[4026531840]`); the initial namespaces have the kernel's fixed numbers.
 *
 * What each type carries here: mnt → its mount table (engine/fs/mounts.ts), pid → its own pid counter (the
 * first task in it is pid 1 inside), uts → hostname.
 */

import type { NetLink } from "./net.js";

export const NS_TYPES = ["cgroup", "ipc", "mnt", "net", "pid", "user", "uts"] as const;
export type NsType = (typeof NS_TYPES)[number];

/** The namespace ids a task points at, one per type. */
export type NsSet = Record<NsType, number>;

/** One namespace. */
export interface Namespace {
  /** inode number, e.g. 4026532451 */
  id: number;
  type: NsType;
  /** pid ns: last pid handed out inside it */
  lastPid?: number;
  /** uts ns: the hostname */
  hostname?: string;
  /** the pid of the task that created it (its owner) */
  creatorPid?: number;
  /** net ns: its network devices and its ifindex counter (kernel/net.ts) */
  links?: NetLink[];
  nextIfindex?: number;
}

export interface NamespaceTable {
  byId: Record<number, Namespace>;
  /** next inode number for a new namespace */
  nextId: number;
  /** the initial namespaces (what the host's pid 1 uses) */
  init: NsSet;
}

/** The kernel's fixed inode numbers of the initial namespaces (include/linux/proc_ns.h). */
const INIT_IDS: NsSet = {
  ipc: 4026531839, uts: 4026531838, user: 4026531837, pid: 4026531836, cgroup: 4026531835, net: 4026531992, mnt: 4026531840,
};

/**
 * The initial mnt and net numbers are handed out at boot, so they differ by kernel: 3.10 (RHEL 7) numbers the
 * initial net namespace 4026531956; 5.x kernels (RHEL 9) set up net before mnt: net 4026531840, mnt 4026531841.
 */
function initIds(kernelRelease: string): NsSet {
  const major = Number(/^(\d+)\./.exec(kernelRelease)?.[1] ?? 0);
  if (major >= 5) return { ...INIT_IDS, net: 4026531840, mnt: 4026531841 };
  if (major === 3) return { ...INIT_IDS, net: 4026531956 };
  return { ...INIT_IDS };
}

/** The initial namespaces at boot; `hostname` goes into the initial uts namespace. */
export function createNamespaceTable(hostname: string, kernelRelease = ""): NamespaceTable {
  const INIT_IDS = initIds(kernelRelease);
  const byId: Record<number, Namespace> = {};
  for (const type of NS_TYPES) byId[INIT_IDS[type]] = { id: INIT_IDS[type], type };
  byId[INIT_IDS.uts].hostname = hostname;
  byId[INIT_IDS.pid].lastPid = 0;
  return { byId, nextId: 4026532200, init: { ...INIT_IDS } };
}

/** unshare(2)/clone(2) with CLONE_NEW*: a fresh namespace of `type`. */
export function createNamespace(table: NamespaceTable, type: NsType, init: Partial<Namespace> = {}): Namespace {
  const id = table.nextId;
  table.nextId += 1 + (id % 3 === 0 ? 2 : 0);
  const ns: Namespace = { ...init, id, type };
  if (type === "pid") ns.lastPid = 0;
  table.byId[id] = ns;
  return ns;
}

/** The namespace `id`; throws if it does not exist (a programming mistake). */
export function getNamespace(table: NamespaceTable, id: number): Namespace {
  const ns = table.byId[id];
  if (!ns) throw new Error(`namespace ${id} does not exist`);
  return ns;
}

/** Drops a namespace once no task or mount holds it (setns/exit of the last member). */
export function releaseNamespace(table: NamespaceTable, id: number): void {
  if (Object.values(table.init).includes(id)) return;
  delete table.byId[id];
}

/**
 * Kernels from 5.6 (RHEL 9's 5.14) also have time namespaces; no container engine makes one, so every process is in
 * the initial one, 4026531834. `/proc/<pid>/ns` then lists `time` and `time_for_children` next to
 * `pid_for_children` (the pid namespace its children will get: its own, as long as it does not unshare).
 */
export const INIT_TIME_NS = 4026531834;

/** Whether the kernel of `kernelRelease` has time namespaces (Linux 5.6+). */
export function hasTimeNamespaces(kernelRelease: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(kernelRelease);
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > 5 || (major === 5 && minor >= 6);
}

/** The names under `/proc/<pid>/ns` on a kernel, in the order `ls` sorts them. */
export function procNsNames(kernelRelease: string): string[] {
  if (!hasTimeNamespaces(kernelRelease)) return [...NS_TYPES];
  return ["cgroup", "ipc", "mnt", "net", "pid", "pid_for_children", "time", "time_for_children", "user", "uts"];
}

/** `/proc/<pid>/ns/<type>` link text: `mnt:[4026531840]`. */
export function nsLinkText(type: NsType, id: number): string {
  return `${type}:[${id}]`;
}
