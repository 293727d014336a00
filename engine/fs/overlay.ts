/**
 * overlayfs (Documentation/filesystems/overlayfs.rst): a merged view of read-only lower trees under one writable
 * upper tree, which is how every container gets a root file system without copying its image. Lookup takes a name
 * from the highest layer that has it; directories present in several layers merge unless an upper one is opaque;
 * a whiteout (a 0/0 character device) in a higher layer hides the name below. Writing a file that lives only in a
 * lower layer first copies it up (its metadata and a reference to its bytes) into the upper tree; deleting one
 * that exists below leaves a whiteout. Lower layers are shared between all containers of an image and are never
 * modified.
 */
import type { Host } from "../host.js";
import type { Vnode } from "./vfs.js";
import { type Inode, allocInode, getInode, isWhiteout } from "./inode.js";

/** Finds `name` in an overlay directory vnode. */
export function ovlLookup(host: Host, dir: Vnode, name: string, path: string): Vnode | null {
  const pos = dir.ovl!;
  const rel = [...pos.rel, name];
  const base = { mount: dir.mount, mntns: dir.mntns, path };
  if (pos.upper !== null) {
    const ino = getInode(host.inodes, pos.upper).entries?.get(name);
    if (ino !== undefined) {
      const inode = getInode(host.inodes, ino);
      if (isWhiteout(inode)) return null;
      if (inode.type !== "dir") return { ...base, ino, ovl: { rel, upper: ino, lowers: [] } };
      const lowers = inode.opaque ? [] : lowerDirs(host, pos.lowers, name);
      return { ...base, ino, ovl: { rel, upper: ino, lowers } };
    }
  }
  for (let i = 0; i < pos.lowers.length; i++) {
    const ino = getInode(host.inodes, pos.lowers[i]).entries?.get(name);
    if (ino === undefined) continue;
    const inode = getInode(host.inodes, ino);
    if (isWhiteout(inode)) return null;
    if (inode.type !== "dir") return { ...base, ino, ovl: { rel, upper: null, lowers: [ino] } };
    const lowers = inode.opaque ? [ino] : [ino, ...lowerDirs(host, pos.lowers.slice(i + 1), name)];
    return { ...base, ino, ovl: { rel, upper: null, lowers } };
  }
  return null;
}

/** The directories named `name` in `layers` (top first), stopping at a whiteout, a non-dir or an opaque dir. */
function lowerDirs(host: Host, layers: number[], name: string): number[] {
  const out: number[] = [];
  for (const l of layers) {
    const ino = getInode(host.inodes, l).entries?.get(name);
    if (ino === undefined) continue;
    const inode = getInode(host.inodes, ino);
    if (inode.type !== "dir") break;
    out.push(ino);
    if (inode.opaque) break;
  }
  return out;
}

/** Names in a merged directory: the union of the layers minus whiteouts. */
export function ovlReaddir(host: Host, dir: Vnode): string[] {
  const pos = dir.ovl!;
  const seen = new Set<string>();
  const names: string[] = [];
  const layers = pos.upper !== null ? [pos.upper, ...pos.lowers] : pos.lowers;
  for (const l of layers) {
    for (const [name, ino] of getInode(host.inodes, l).entries!) {
      if (seen.has(name)) continue;
      seen.add(name);
      if (!isWhiteout(getInode(host.inodes, ino))) names.push(name);
    }
  }
  return names;
}

/** A merged directory's link count: overlayfs reports 1 for a directory merged from several layers. */
export function ovlNlink(host: Host, v: Vnode): number {
  const pos = v.ovl!;
  const layers = (pos.upper !== null ? 1 : 0) + pos.lowers.length;
  if (layers > 1) return 1;
  const inode = getInode(host.inodes, v.ino);
  let n = 2;
  for (const ino of inode.entries!.values()) if (host.inodes.byIno.get(ino)?.type === "dir") n++;
  return n;
}

/** copy_up: makes sure `v` exists in the upper tree (parents first) and returns its upper inode. */
export function ovlCopyUp(host: Host, v: Vnode): number {
  const pos = v.ovl!;
  if (pos.upper !== null) return pos.upper;
  const root = v.mount.root;
  if (root.kind !== "overlay") throw new Error("ovlCopyUp: vnode is not on an overlay mount");
  // walk from the merged root down to the parent, copying up each directory on the way
  let dir: Vnode = { mount: v.mount, mntns: v.mntns, path: v.mount.target, ino: root.upper, ovl: { rel: [], upper: root.upper, lowers: root.lowers } };
  for (let i = 0; i < pos.rel.length - 1; i++) {
    const next = ovlLookup(host, dir, pos.rel[i], dir.path + "/" + pos.rel[i]);
    if (!next) throw new Error(`ovlCopyUp: ${pos.rel.slice(0, i + 1).join("/")} vanished`);
    if (next.ovl!.upper === null) copyUpInto(host, dir.ovl!.upper!, pos.rel[i], next);
    dir = next;
  }
  const upper = copyUpInto(host, dir.ovl!.upper!, pos.rel[pos.rel.length - 1], v);
  return upper;
}

/** Copies the lower inode of `v` into upper directory `upperDir` as `name`. */
function copyUpInto(host: Host, upperDir: number, name: string, v: Vnode): number {
  const lower = getInode(host.inodes, v.ovl!.lowers[0]);
  const copy = allocInode(host.inodes, {
    type: lower.type, mode: lower.mode, uid: lower.uid, gid: lower.gid, label: lower.label, timeMs: lower.mtimeMs,
    data: lower.data, target: lower.target, rdev: lower.rdev,
  });
  copy.atimeMs = lower.atimeMs;
  copy.ctimeMs = lower.ctimeMs;
  getInode(host.inodes, upperDir).entries!.set(name, copy.ino);
  v.ovl!.upper = copy.ino;
  if (lower.type !== "dir") v.ovl!.lowers = [];
  v.ino = copy.ino;
  return copy.ino;
}

/** Removes `name` from a merged directory whose upper is `parentUpper`: whiteout if a lower layer has it. */
export function ovlRemoveEntry(host: Host, dir: Vnode, parentUpper: Inode, name: string, now: number): void {
  const existing = parentUpper.entries!.get(name);
  if (existing !== undefined) {
    parentUpper.entries!.delete(name);
    host.inodes.byIno.delete(existing);
  }
  const inLower = dir.ovl!.lowers.some((l) => getInode(host.inodes, l).entries!.has(name));
  if (inLower) {
    const wh = allocInode(host.inodes, { type: "chr", mode: 0, uid: 0, gid: 0, label: parentUpper.label, timeMs: now, rdev: [0, 0] });
    parentUpper.entries!.set(name, wh.ino);
  }
}
