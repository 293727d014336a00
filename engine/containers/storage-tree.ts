/**
 * The engine's own bookkeeping on disk: the directories and files podman and docker create as root under their
 * storage and run roots (layer dirs, userdata, links, lock and json files). They go straight into the inode
 * table — the engine is the kernel's caller here, and a path walk per file would make every `run` slow — with the
 * labels container-selinux gives those trees; lookups of engine directories are remembered in the host's caches.
 */
import type { Host } from "../host.js";
import { allocInode, getInode, type Inode } from "../fs/inode.js";
import { resolve } from "../fs/vfs.js";
import { ErrnoError } from "../kernel/errno.js";
import { readClock } from "../kernel/clock.js";

/** Label of the storage directories themselves. */
export const STORAGE_LABEL = "system_u:object_r:container_var_lib_t:s0";

/**
 * The directory inode at `path` in the host's mount namespace, created with missing parents (mkdir -p). Engine
 * directories are looked up once and remembered in the host's caches (dropped on restore); inode numbers are
 * never reused, so a remembered inode that still exists as a directory is still the right one.
 */
export function ensureDir(host: Host, path: string, mode = 0o700, label = STORAGE_LABEL): number {
  let cache = host.caches.get("containers:dirs") as Map<string, number> | undefined;
  if (!cache) host.caches.set("containers:dirs", (cache = new Map()));
  const hit = cache.get(path);
  if (hit !== undefined && host.inodes.byIno.get(hit)?.type === "dir") return hit;
  let ino: number;
  try {
    ino = resolve(host, host.namespaces.init.mnt, path).ino;
  } catch (e) {
    if (!(e instanceof ErrnoError) || e.code !== "ENOENT") throw e;
    const slash = path.lastIndexOf("/");
    const parent = ensureDir(host, slash <= 0 ? "/" : path.slice(0, slash), mode, label);
    ino = addChild(host, parent, path.slice(slash + 1), { type: "dir", mode, label }).ino;
  }
  cache.set(path, ino);
  return ino;
}

/** Notes where an engine directory just made lives (see ensureDir). */
export function remember(host: Host, path: string, ino: number): void {
  (host.caches.get("containers:dirs") as Map<string, number> | undefined)?.set(path, ino);
}

/**
 * Creates `name` in directory inode `parentIno` as the engine (root) does when it lays out storage; an existing
 * entry is returned as it is. Engine bookkeeping goes straight to the inodes: no path walk per file.
 */
export function addChild(host: Host, parentIno: number, name: string, init: { type: "dir" | "file" | "symlink"; mode: number; label: string; data?: string; target?: string }): Inode {
  const parent = getInode(host.inodes, parentIno);
  const existing = parent.entries!.get(name);
  if (existing !== undefined) return getInode(host.inodes, existing);
  const now = readClock(host.clock, host.edge.timeSource);
  const inode = allocInode(host.inodes, { ...init, uid: 0, gid: 0, timeMs: now });
  parent.entries!.set(name, inode.ino);
  parent.mtimeMs = parent.ctimeMs = now;
  return inode;
}

/** mkdir -p as the kernel, with the storage label. */
export function mkdirp(host: Host, path: string, mode = 0o700): number {
  return ensureDir(host, path, mode);
}

/** Writes a file (created with `mode` and `label` when missing). */
export function writeFile(host: Host, path: string, data: string, mode = 0o644, label = STORAGE_LABEL): void {
  const slash = path.lastIndexOf("/");
  const dir = ensureDir(host, path.slice(0, slash));
  const f = addChild(host, dir, path.slice(slash + 1), { type: "file", mode, label, data });
  if (f.data !== data) {
    f.data = data;
    f.mtimeMs = f.ctimeMs = readClock(host.clock, host.edge.timeSource);
  }
}

/** ln -s target path. */
export function symlink(host: Host, target: string, path: string): void {
  const slash = path.lastIndexOf("/");
  addChild(host, ensureDir(host, path.slice(0, slash)), path.slice(slash + 1), { type: "symlink", mode: 0o777, label: STORAGE_LABEL, target });
}

/** rm -rf of an engine-owned directory: unlinks it from its parent and frees its inodes. */
export function removeTree(host: Host, path: string): void {
  const slash = path.lastIndexOf("/");
  let parentIno: number;
  try {
    parentIno = resolve(host, host.namespaces.init.mnt, path.slice(0, slash), false).ino;
  } catch {
    return;
  }
  const parent = getInode(host.inodes, parentIno);
  const name = path.slice(slash + 1);
  const ino = parent.entries?.get(name);
  if (ino === undefined) return;
  parent.entries!.delete(name);
  parent.mtimeMs = parent.ctimeMs = readClock(host.clock, host.edge.timeSource);
  const free = (n: number, depth: number): void => {
    const inode = host.inodes.byIno.get(n);
    if (!inode || depth > 256) return;
    if (inode.type === "dir") {
      for (const child of inode.entries!.values()) free(child, depth + 1);
      host.inodes.byIno.delete(n);
    } else if (--inode.nlink <= 0) host.inodes.byIno.delete(n);
  };
  free(ino, 0);
}

/** Links an existing directory inode (a layer tree) under `path` (as the layer's `diff`). */
export function linkDirInode(host: Host, path: string, ino: number): void {
  const slash = path.lastIndexOf("/");
  getInode(host.inodes, ensureDir(host, path.slice(0, slash))).entries!.set(path.slice(slash + 1), ino);
}

/** The inode of an engine directory (created if missing). */
export function storageDirIno(host: Host, path: string): number {
  return ensureDir(host, path);
}
