/**
 * The virtual file system switch (fs/namei.c, fs/*.c): path lookup across mounts and the operations every file
 * system offers — stat, read, write, create, link, unlink, rename, chmod, chown, utimes, setxattr of the label.
 * A path is resolved one component at a time in the caller's mount namespace; crossing a mount point switches to
 * the mounted tree; symlinks are followed (at most 40, then ELOOP); `..` never climbs above `/`, so a container's
 * paths cannot leave its root. Errors are errno names (thrown as ErrnoError deep inside, turned into values by the
 * syscall gate).
 *
 * This layer does not ask permission: the syscall gate (engine/kernel/syscalls.ts) does that before calling in.
 */
import type { Host } from "../host.js";
import { ErrnoError } from "../kernel/errno.js";
import { readClock } from "../kernel/clock.js";
import { labelForNewFile } from "../kernel/selinux.js";
import { type Inode, type FileType, allocInode, getInode, inodeSize, isWhiteout } from "./inode.js";
import { type Mount, mountAt } from "./mounts.js";
import { ovlLookup, ovlReaddir, ovlCopyUp, ovlRemoveEntry, ovlNlink } from "./overlay.js";
import { procLookup, procStat, procRead, procReaddir, procReadlink } from "./procfs.js";
import { cgLookup, cgStat, cgRead, cgReaddir } from "./cgroupfs.js";

/** A resolved file: where it is and which inode carries its metadata. Transient; never stored in state. */
export interface Vnode {
  mount: Mount;
  mntns: number;
  /** absolute, normalised path in the namespace */
  path: string;
  /** the inode carrying metadata (overlay: upper if copied up, else the topmost lower); 0 for procfs */
  ino: number;
  /** overlay position */
  ovl?: { rel: string[]; upper: number | null; lowers: number[] };
  /** procfs position; `self` is the pid /proc/self points at */
  proc?: { parts: string[]; self: number };
  /** cgroup fs position */
  cg?: { parts: string[] };
}

/** Who is acting: for ownership and labels of new files, and /proc/self. */
export interface Actor {
  uid: number;
  gid: number;
  label: string;
  pid: number;
}

/** What stat(2) returns, plus the label (getxattr security.selinux) and the block count of `ls -s`. */
export interface Stat {
  ino: number;
  type: FileType;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  size: number;
  /** 512-byte blocks */
  blocks: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  label: string;
  /** device numbers of a char/block device */
  rdev?: [number, number];
}

const MAX_SYMLINKS = 40;

/** Splits and normalises an absolute path: "/a/./b/../c" → ["a", "c"]. */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out;
}

/** "/"-joined absolute path. */
export function joinPath(parts: string[]): string {
  return "/" + parts.join("/");
}

/** The root of the mount on top at `target`. */
function mountRootVnode(mntns: number, mount: Mount, path: string, self: number): Vnode {
  const r = mount.root;
  if (r.kind === "inode") return { mount, mntns, path, ino: r.ino };
  if (r.kind === "overlay") {
    return { mount, mntns, path, ino: r.upper, ovl: { rel: [], upper: r.upper, lowers: r.lowers } };
  }
  if (r.kind === "cgroup") return { mount, mntns, path, ino: 0, cg: { parts: [] } };
  return { mount, mntns, path, ino: 0, proc: { parts: [], self } };
}

/** namei: resolves `path` (absolute) in mount namespace `mntns`. `follow` = follow a final symlink. */
export function resolve(host: Host, mntns: number, path: string, follow = true, self = 0): Vnode {
  let parts = splitPath(path);
  let links = 0;
  restart: for (;;) {
    const rootMount = mountAt(host, mntns, "/");
    if (!rootMount) throw new Error(`mount namespace ${mntns} has no root mount`);
    let cur = mountRootVnode(mntns, rootMount, "/", self);
    for (let i = 0; i < parts.length; i++) {
      if (fileType(host, cur) !== "dir") throw new ErrnoError("ENOTDIR", "stat", path);
      const name = parts[i];
      let child = lookupChild(host, cur, name);
      if (!child) throw new ErrnoError("ENOENT", "stat", path);
      const m = mountAt(host, mntns, child.path);
      if (m) child = mountRootVnode(mntns, m, child.path, self);
      const last = i === parts.length - 1;
      if ((!last || follow) && fileType(host, child) === "symlink") {
        if (++links > MAX_SYMLINKS) throw new ErrnoError("ELOOP", "stat", path);
        const target = readlinkVnode(host, child);
        const base = target.startsWith("/") ? [] : parts.slice(0, i);
        parts = splitPath(joinPath([...base, ...target.split("/"), ...parts.slice(i + 1)]));
        continue restart;
      }
      cur = child;
    }
    return cur;
  }
}

/** Looks `name` up in directory `dir` (no mount crossing). */
export function lookupChild(host: Host, dir: Vnode, name: string): Vnode | null {
  const path = dir.path === "/" ? "/" + name : dir.path + "/" + name;
  if (dir.ovl) return ovlLookup(host, dir, name, path);
  if (dir.proc) {
    const parts = [...dir.proc.parts, name];
    return procLookup(host, dir, parts) ? { mount: dir.mount, mntns: dir.mntns, path, ino: 0, proc: { parts, self: dir.proc.self } } : null;
  }
  if (dir.cg) {
    const parts = [...dir.cg.parts, name];
    return cgLookup(host, dir, parts) ? { mount: dir.mount, mntns: dir.mntns, path, ino: 0, cg: { parts } } : null;
  }
  const inode = getInode(host.inodes, dir.ino);
  const ino = inode.entries?.get(name);
  if (ino === undefined) return null;
  return { mount: dir.mount, mntns: dir.mntns, path, ino };
}

/** The file type of a vnode. */
export function fileType(host: Host, v: Vnode): FileType {
  if (v.proc) return procStat(host, v).type;
  if (v.cg) return cgStat(host, v).type;
  return getInode(host.inodes, v.ino).type;
}

/** stat(2). */
export function statVnode(host: Host, v: Vnode): Stat {
  if (v.proc) return procStat(host, v);
  if (v.cg) return cgStat(host, v);
  const inode = getInode(host.inodes, v.ino);
  const size = inodeSize(inode);
  const st: Stat = {
    ino: inode.ino, type: inode.type, mode: inode.mode, nlink: inode.nlink, uid: inode.uid, gid: inode.gid, size,
    blocks: inode.type === "symlink" || inode.type === "chr" ? 0 : Math.ceil(size / 4096) * 8,
    atimeMs: inode.atimeMs, mtimeMs: inode.mtimeMs, ctimeMs: inode.ctimeMs,
    label: v.mount.context ?? inode.label,
  };
  if (inode.type === "dir") st.nlink = v.ovl ? ovlNlink(host, v) : dirNlink(host, inode);
  if (inode.rdev) st.rdev = inode.rdev;
  return st;
}

/** A directory's link count: 2 + its subdirectories. */
function dirNlink(host: Host, inode: Inode): number {
  let n = 2;
  for (const ino of inode.entries!.values()) if (host.inodes.byIno.get(ino)?.type === "dir") n++;
  return n;
}

/** getdents: names in a directory (without . and ..), in creation order. */
export function readdirVnode(host: Host, v: Vnode): string[] {
  if (fileType(host, v) !== "dir") throw new ErrnoError("ENOTDIR", "scandir", v.path);
  if (v.ovl) return ovlReaddir(host, v);
  if (v.proc) return procReaddir(host, v);
  if (v.cg) return cgReaddir(host, v);
  return [...getInode(host.inodes, v.ino).entries!.keys()];
}

/** read(2) of a whole regular file. */
export function readVnode(host: Host, v: Vnode): string | Uint8Array {
  const type = fileType(host, v);
  if (type === "dir") throw new ErrnoError("EISDIR", "read", v.path);
  if (v.proc) return procRead(host, v);
  if (v.cg) return cgRead(host, v);
  const inode = getInode(host.inodes, v.ino);
  return inode.data ?? "";
}

/** readlink(2). */
export function readlinkVnode(host: Host, v: Vnode): string {
  if (v.proc) return procReadlink(host, v);
  if (v.cg) throw new ErrnoError("EINVAL", "readlink", v.path);
  const inode = getInode(host.inodes, v.ino);
  if (inode.type !== "symlink") throw new ErrnoError("EINVAL", "readlink", v.path);
  return inode.target ?? "";
}

/** The inode to modify for `v`: copied up first when it lives in an overlay's lower layer. */
export function writableInode(host: Host, v: Vnode, syscall: string): Inode {
  if (v.proc || v.cg) throw new ErrnoError("EACCES", syscall, v.path);
  if (v.mount.options.includes("ro")) throw new ErrnoError("EROFS", syscall, v.path);
  if (v.ovl) return getInode(host.inodes, ovlCopyUp(host, v));
  return getInode(host.inodes, v.ino);
}

/** What a create needs: type, permission bits (umask applied by the caller), content. */
export interface CreateSpec {
  type: FileType;
  mode: number;
  data?: string | Uint8Array;
  target?: string;
  rdev?: [number, number];
  /** label to give instead of the computed one (restorecon-like setups, container layers) */
  label?: string;
}

/** Creates `name` in directory `dir` (open O_CREAT, mkdir, symlink, mknod). EEXIST if it is there. */
export function createIn(host: Host, dir: Vnode, name: string, spec: CreateSpec, actor: Actor, syscall: string): Vnode {
  const path = dir.path === "/" ? "/" + name : dir.path + "/" + name;
  if (lookupChild(host, dir, name)) throw new ErrnoError("EEXIST", syscall, path);
  if (name.length > 255) throw new ErrnoError("ENAMETOOLONG", syscall, path);
  const parent = writableInode(host, dir, syscall);
  const now = readClock(host.clock, host.edge.timeSource);
  const parentLabel = dir.mount.context ?? parent.label;
  const inode = allocInode(host.inodes, {
    type: spec.type, mode: spec.mode, uid: actor.uid, gid: actor.gid, timeMs: now,
    label: spec.label ?? labelForNewFile(actor.label, parentLabel),
    data: spec.data, target: spec.target, rdev: spec.rdev,
  });
  parent.entries!.set(name, inode.ino);
  parent.mtimeMs = parent.ctimeMs = now;
  const child = lookupChild(host, { ...dir, ino: parent.ino, ovl: dir.ovl ? { ...dir.ovl, upper: parent.ino } : undefined }, name);
  return child!;
}

/** Removes entry `name` from `dir` (unlink, rmdir after the caller checked emptiness). */
export function removeIn(host: Host, dir: Vnode, name: string, syscall: string): void {
  const parent = writableInode(host, dir, syscall);
  const now = readClock(host.clock, host.edge.timeSource);
  if (dir.ovl) ovlRemoveEntry(host, dir, parent, name, now);
  else {
    const ino = parent.entries!.get(name);
    parent.entries!.delete(name);
    if (ino !== undefined) {
      const inode = host.inodes.byIno.get(ino);
      // the inode goes when its last name does (open file descriptors are not modelled)
      if (inode && (inode.type === "dir" || --inode.nlink <= 0) && !isShared(host, ino)) host.inodes.byIno.delete(ino);
    }
  }
  parent.mtimeMs = parent.ctimeMs = now;
}

/** Links an existing inode under a new name (link(2), and rename's second half). */
export function linkIn(host: Host, dir: Vnode, name: string, ino: number, syscall: string): void {
  const parent = writableInode(host, dir, syscall);
  const path = dir.path === "/" ? "/" + name : dir.path + "/" + name;
  const existing = lookupChild(host, dir, name);
  if (existing) throw new ErrnoError("EEXIST", syscall, path);
  parent.entries!.set(name, ino);
  const inode = getInode(host.inodes, ino);
  if (inode.type !== "dir") inode.nlink++;
}

/** Whether an inode is still reachable as a mount root (a bind-mounted file or dir must survive its unlink). */
function isShared(host: Host, ino: number): boolean {
  for (const table of Object.values(host.mounts.byNs)) {
    for (const stack of Object.values(table)) for (const m of stack) if (m.root.kind === "inode" && m.root.ino === ino) return true;
  }
  return false;
}

/** Whether an inode is a whiteout (overlay) — re-exported for commands that list raw upper dirs. */
export { isWhiteout };
