/**
 * The file system's system calls (fs/open.c, fs/namei.c, fs/attr.c, fs/xattr.c, fs/read_write.c): what
 * `openat`, `mkdirat`, `unlinkat`, `renameat2`, `fchmodat`, `fchownat`, `utimensat`, `symlinkat`, `linkat`,
 * `newfstatat`, `getdents64` and `lsetxattr(security.selinux)` do once the syscall gate has let them through.
 * Each takes the acting process (its mount namespace, uid, label) and absolute paths, and either returns a value
 * or throws an ErrnoError that the gate turns into an errno value.
 */
import type { Host } from "../host.js";
import { ErrnoError } from "../kernel/errno.js";
import { readClock } from "../kernel/clock.js";
import { getInode } from "./inode.js";
import { cgWrite, cgMkdir } from "./cgroupfs.js";
import {
  type Actor, type Vnode, type Stat, type CreateSpec, resolve, lookupChild, statVnode, readdirVnode, readVnode,
  readlinkVnode, writableInode, createIn, removeIn, linkIn, fileType, splitPath, joinPath,
} from "./vfs.js";

/** Where an operation happens: a mount namespace and the acting process. */
export interface FsCaller {
  mntns: number;
  actor: Actor;
  /** a lookup this very call already made (the SELinux hook resolved its object first): walk the path once */
  looked?: { path: string; follow: boolean; vnode: Vnode };
}

function at(host: Host, c: FsCaller, path: string, follow = true): Vnode {
  const l = c.looked;
  if (l && l.path === path && l.follow === follow) {
    c.looked = undefined; // once: later lookups of the same call may follow changes it made
    return l.vnode;
  }
  return resolve(host, c.mntns, path, follow, c.actor.pid);
}

/** The parent directory of `path` and the last name (ENOENT if the parent is missing: no silent mkdir -p). */
export function parentOf(host: Host, c: FsCaller, path: string, syscall: string): { dir: Vnode; name: string } {
  const parts = splitPath(path);
  if (parts.length === 0) throw new ErrnoError("EEXIST", syscall, path);
  const name = parts.pop()!;
  let dir: Vnode;
  try {
    dir = at(host, c, joinPath(parts));
  } catch (e) {
    if (e instanceof ErrnoError) throw new ErrnoError(e.code, syscall, path);
    throw e;
  }
  if (fileType(host, dir) !== "dir") throw new ErrnoError("ENOTDIR", syscall, path);
  return { dir, name };
}

/** newfstatat / fstatat(AT_SYMLINK_NOFOLLOW). */
export function sysStat(host: Host, c: FsCaller, path: string, follow = true): Stat {
  return statVnode(host, at(host, c, path, follow));
}

/** open(O_RDONLY) + read of the whole file. */
export function sysReadFile(host: Host, c: FsCaller, path: string): string | Uint8Array {
  const v = at(host, c, path);
  if (fileType(host, v) === "chr") return "";
  return readVnode(host, v);
}

/** open(O_WRONLY|O_CREAT|O_TRUNC or O_APPEND) + write. Creates with `mode` (after umask) when missing. */
export function sysWriteFile(host: Host, c: FsCaller, path: string, data: string | Uint8Array, append: boolean, mode = 0o644): void {
  const { dir, name } = parentOf(host, c, path, "open");
  let v = lookupChild(host, dir, name);
  if (v && fileType(host, v) === "symlink") v = at(host, c, path);
  if (!v) {
    createIn(host, dir, name, { type: "file", mode, data }, c.actor, "open");
    return;
  }
  if (fileType(host, v) === "dir") throw new ErrnoError("EISDIR", "open", path);
  if (v.proc) throw new ErrnoError("EACCES", "open", path);
  if (v.cg) return cgWrite(host, v, typeof data === "string" ? data : new TextDecoder().decode(data));
  // a character device takes the bytes away (/dev/null); nothing is stored
  if (fileType(host, v) === "chr") return;
  const inode = writableInode(host, v, "open");
  if (append) inode.data = concat(inode.data ?? "", data);
  else inode.data = data;
  inode.mtimeMs = inode.ctimeMs = readClock(host.clock, host.edge.timeSource);
}

function concat(a: string | Uint8Array, b: string | Uint8Array): string | Uint8Array {
  if (typeof a === "string" && typeof b === "string") return a + b;
  const enc = new TextEncoder();
  const x = typeof a === "string" ? enc.encode(a) : a;
  const y = typeof b === "string" ? enc.encode(b) : b;
  const out = new Uint8Array(x.length + y.length);
  out.set(x);
  out.set(y, x.length);
  return out;
}

/** mkdirat. */
export function sysMkdir(host: Host, c: FsCaller, path: string, mode = 0o755, label?: string): void {
  const { dir, name } = parentOf(host, c, path, "mkdir");
  if (dir.cg) return cgMkdir(host, dir, name);
  createIn(host, dir, name, { type: "dir", mode, label }, c.actor, "mkdir");
}

/** mknodat/open(O_CREAT) with a full spec (engine setup: layers, devices). */
export function sysCreate(host: Host, c: FsCaller, path: string, spec: CreateSpec): void {
  const { dir, name } = parentOf(host, c, path, "open");
  createIn(host, dir, name, spec, c.actor, "open");
}

/** symlinkat. */
export function sysSymlink(host: Host, c: FsCaller, target: string, path: string): void {
  const { dir, name } = parentOf(host, c, path, "symlink");
  createIn(host, dir, name, { type: "symlink", mode: 0o777, target }, c.actor, "symlink");
}

/** linkat. */
export function sysLink(host: Host, c: FsCaller, existing: string, path: string): void {
  const src = at(host, c, existing, false);
  if (fileType(host, src) === "dir") throw new ErrnoError("EPERM", "link", existing);
  const { dir, name } = parentOf(host, c, path, "link");
  linkIn(host, dir, name, src.ino, "link");
}

/** unlinkat (flags 0: not a directory; AT_REMOVEDIR: an empty directory). */
export function sysUnlink(host: Host, c: FsCaller, path: string, removeDir: boolean): void {
  const syscall = removeDir ? "rmdir" : "unlink";
  const { dir, name } = parentOf(host, c, path, syscall);
  const v = lookupChild(host, dir, name);
  if (!v) throw new ErrnoError("ENOENT", syscall, path);
  const isDir = fileType(host, v) === "dir";
  if (removeDir && !isDir) throw new ErrnoError("ENOTDIR", syscall, path);
  if (!removeDir && isDir) throw new ErrnoError("EISDIR", syscall, path);
  if (isMountPoint(host, c.mntns, v.path)) throw new ErrnoError("EBUSY", syscall, path);
  if (isDir && readdirVnode(host, v).length > 0) throw new ErrnoError("ENOTEMPTY", syscall, path);
  removeIn(host, dir, name, syscall);
}

function isMountPoint(host: Host, mntns: number, path: string): boolean {
  return (host.mounts.byNs[mntns]?.[path]?.length ?? 0) > 0;
}

/** renameat2 (same file system only; a directory may replace an empty one). */
export function sysRename(host: Host, c: FsCaller, from: string, to: string): void {
  const a = parentOf(host, c, from, "rename");
  const src = lookupChild(host, a.dir, a.name);
  if (!src) throw new ErrnoError("ENOENT", "rename", from);
  const b = parentOf(host, c, to, "rename");
  if (a.dir.mount.id !== b.dir.mount.id) throw new ErrnoError("EXDEV", "rename", from);
  if (joinPath(splitPath(to)).startsWith(joinPath(splitPath(from)) + "/")) throw new ErrnoError("EINVAL", "rename", from);
  const dst = lookupChild(host, b.dir, b.name);
  if (dst && dst.path === src.path) return;
  if (dst) sysUnlink(host, c, to, fileType(host, dst) === "dir");
  const ino = src.ovl ? writableInode(host, src, "rename").ino : src.ino;
  const inode = getInode(host.inodes, ino);
  linkIn(host, b.dir, b.name, ino, "rename");
  if (inode.type !== "dir") inode.nlink--;
  // detach the old name without freeing the inode (now reachable under its new name)
  const parent = writableInode(host, a.dir, "rename");
  parent.entries!.delete(a.name);
  if (a.dir.ovl && a.dir.ovl.lowers.some((l) => getInode(host.inodes, l).entries!.has(a.name))) {
    removeIn(host, a.dir, a.name, "rename");
  }
  inode.ctimeMs = readClock(host.clock, host.edge.timeSource);
}

/** getdents64. */
export function sysReaddir(host: Host, c: FsCaller, path: string): string[] {
  return readdirVnode(host, at(host, c, path));
}

/** readlinkat. */
export function sysReadlink(host: Host, c: FsCaller, path: string): string {
  return readlinkVnode(host, at(host, c, path, false));
}

/** fchmodat. */
export function sysChmod(host: Host, c: FsCaller, path: string, mode: number): void {
  const inode = writableInode(host, at(host, c, path), "chmod");
  inode.mode = mode & 0o7777;
  inode.ctimeMs = readClock(host.clock, host.edge.timeSource);
}

/** fchownat (-1 keeps a field). */
export function sysChown(host: Host, c: FsCaller, path: string, uid: number, gid: number, follow = true): void {
  const inode = writableInode(host, at(host, c, path, follow), "chown");
  if (uid >= 0) inode.uid = uid;
  if (gid >= 0) inode.gid = gid;
  inode.ctimeMs = readClock(host.clock, host.edge.timeSource);
}

/** utimensat. */
export function sysUtimes(host: Host, c: FsCaller, path: string, atimeMs: number, mtimeMs: number): void {
  const inode = writableInode(host, at(host, c, path), "utimes");
  inode.atimeMs = atimeMs;
  inode.mtimeMs = mtimeMs;
  inode.ctimeMs = readClock(host.clock, host.edge.timeSource);
}

/** lsetxattr("security.selinux"): chcon, restorecon, and the engines' `:z`/`:Z` relabel. */
export function sysSetLabel(host: Host, c: FsCaller, path: string, label: string, follow = true): void {
  const v = at(host, c, path, follow);
  if (v.proc) throw new ErrnoError("EACCES", "setxattr", path);
  if (v.mount.context) throw new ErrnoError("ENOTSUP", "setxattr", path);
  const inode = writableInode(host, v, "setxattr");
  inode.label = label;
  inode.ctimeMs = readClock(host.clock, host.edge.timeSource);
}
