/**
 * The mount table (mount(2), mount(8), proc_pid_mounts(5)): which file system is attached where. Each mount
 * namespace has its own table; a container's is a fresh one whose `/` is the container's overlay `merged` tree,
 * with its volumes bind-mounted on top and its own /proc. A mount stacked on the same target hides the one below
 * until it is unmounted. The host's `mount` output and /proc/mounts are printed from here.
 *
 * What can be mounted: a tree of inodes (the root fs, tmpfs, a bind mount of any directory), an overlay of
 * shared lower trees plus one upper tree (engine/fs/overlay.ts), or procfs generated from kernel state.
 */
import type { Host } from "../host.js";

/** What a mount shows. */
export type MountRoot =
  | { kind: "inode"; ino: number }
  | { kind: "overlay"; lowers: number[]; upper: number; work: number; lowerPaths: string[]; upperPath: string; workPath: string }
  | { kind: "proc"; pidns: number }
  | { kind: "cgroup"; hierarchy: string };

/** One mount. Plain data. */
export interface Mount {
  /** mount id (/proc/self/mountinfo) */
  id: number;
  /** mount point, absolute in its namespace */
  target: string;
  /** file system type as /proc/mounts prints it: xfs, overlay, proc, tmpfs, … */
  fstype: string;
  /** the source column: /dev/mapper/rhel-root, overlay, proc, tmpfs, … */
  source: string;
  /** options in order, e.g. ["rw", "relatime", "seclabel"]; `context="…"` included when set */
  options: string[];
  root: MountRoot;
  /** SELinux context= option: every file under the mount shows this label */
  context?: string;
}

/** Every mount namespace's table: ns id → target → stack of mounts (last = on top). */
export interface MountTables {
  byNs: Record<number, Record<string, Mount[]>>;
  nextId: number;
}

/** Empty tables. */
export function createMountTables(): MountTables {
  return { byNs: {}, nextId: 20 };
}

/** Adds a mount to namespace `mntns` (mount(2)). `target` must be absolute and normalised. */
export function addMount(host: Host, mntns: number, m: Omit<Mount, "id">): Mount {
  if (!m.target.startsWith("/")) throw new Error(`addMount: target must be absolute, got "${m.target}"`);
  const table = (host.mounts.byNs[mntns] ??= {});
  const mount: Mount = { ...m, id: host.mounts.nextId++ };
  if (m.context && !mount.options.some((o) => o.startsWith("context="))) {
    mount.options = [...mount.options.slice(0, 2), `context="${m.context}"`, ...mount.options.slice(2)];
  }
  (table[m.target] ??= []).push(mount);
  return mount;
}

/** umount(2): removes the topmost mount on `target`; false if nothing is mounted there (EINVAL). */
export function removeMount(host: Host, mntns: number, target: string): boolean {
  const stack = host.mounts.byNs[mntns]?.[target];
  if (!stack || stack.length === 0) return false;
  stack.pop();
  if (stack.length === 0) delete host.mounts.byNs[mntns][target];
  return true;
}

/** The mount on top at `target` in `mntns`, if any. */
export function mountAt(host: Host, mntns: number, target: string): Mount | undefined {
  const stack = host.mounts.byNs[mntns]?.[target];
  return stack?.[stack.length - 1];
}

/** All mounts of a namespace in mount order (what /proc/mounts lists). */
export function listMounts(host: Host, mntns: number): Mount[] {
  const table = host.mounts.byNs[mntns] ?? {};
  const all: Mount[] = [];
  for (const stack of Object.values(table)) all.push(...stack);
  return all.sort((a, b) => a.id - b.id);
}

/** Drops a whole namespace's table (its last task exited). */
export function dropMountNamespace(host: Host, mntns: number): void {
  delete host.mounts.byNs[mntns];
}

/** `mount` (util-linux) line: `overlay on /x type overlay (rw,relatime,…)`. */
export function formatMountLine(m: Mount): string {
  return `${m.source} on ${m.target} type ${m.fstype} (${m.options.join(",")})`;
}

/** /proc/mounts line: `overlay /x overlay rw,relatime,… 0 0` (spaces in paths escaped as \040). */
export function formatProcMountsLine(m: Mount): string {
  const esc = (s: string): string => s.replace(/ /g, "\\040");
  return `${esc(m.source)} ${esc(m.target)} ${m.fstype} ${m.options.join(",")} 0 0`;
}
