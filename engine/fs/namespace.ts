/**
 * Mounting (fs/namespace.c: do_mount, do_umount, copy_mnt_ns): what `mount`, `umount`, `unshare -m` and a
 * container runtime do to mount tables. A bind mount attaches an existing directory (or file) at another place;
 * an overlay mount attaches the merged view of shared lower trees and one upper tree; a new mount namespace starts
 * as a copy of its parent's table (CLONE_NEWNS) or, for a container, from its own root.
 */
import type { Host } from "../host.js";
import { ErrnoError } from "../kernel/errno.js";
import { createNamespace } from "../kernel/namespaces.js";
import { type Mount, addMount, removeMount, mountAt, listMounts } from "./mounts.js";
import { resolve, fileType, splitPath, joinPath, lookupChild, createIn } from "./vfs.js";

/** Options of an overlay mount; paths are in `mntns` (normally the host's). */
export interface OverlayOptions {
  /** lower directories, topmost first (image layers' diff dirs) */
  lowerdirs: string[];
  upperdir: string;
  workdir: string;
  /** where to mount it (…/merged) */
  target: string;
  /** SELinux context= (the container's mount label); every file in it shows this label */
  context?: string;
  /** how `lowerdir=` is printed (podman prints the l/<short> links); defaults to the paths */
  lowerdirDisplay?: string[];
}

/** mount -t overlay: attaches a merged tree at `target`. */
export function mountOverlay(host: Host, mntns: number, o: OverlayOptions): Mount {
  const dirIno = (p: string): number => {
    const v = resolve(host, mntns, p);
    if (fileType(host, v) !== "dir" || v.ovl || v.proc) throw new ErrnoError("EINVAL", "mount", p);
    return v.ino;
  };
  const lowers = o.lowerdirs.map(dirIno);
  const upper = dirIno(o.upperdir);
  const work = dirIno(o.workdir);
  dirIno(o.target);
  const options = ["rw", "relatime"];
  options.push(`lowerdir=${(o.lowerdirDisplay ?? o.lowerdirs).join(":")}`, `upperdir=${o.upperdir}`, `workdir=${o.workdir}`);
  return addMount(host, mntns, {
    target: norm(o.target), fstype: "overlay", source: "overlay", options, context: o.context,
    root: { kind: "overlay", lowers, upper, work, lowerPaths: o.lowerdirs, upperPath: o.upperdir, workPath: o.workdir },
  });
}

/** Options of a bind mount. */
export interface BindOptions {
  /** path of the source in `fromNs` */
  source: string;
  /** mount namespace the source path is resolved in (default: the target namespace) */
  fromNs?: number;
  target: string;
  readOnly?: boolean;
  /** extra options to show (e.g. "rprivate") */
  options?: string[];
  /** create a missing mount point (a directory, or an empty file for a file source) as runc does; default true */
  createTarget?: boolean;
}

/** mount --bind: attaches the directory or file at `source` at `target` in `mntns`. */
export function bindMount(host: Host, mntns: number, o: BindOptions): Mount {
  const src = resolve(host, o.fromNs ?? mntns, o.source);
  if (src.ovl || src.proc || src.cg) throw new ErrnoError("EINVAL", "mount", o.source);
  if (o.createTarget !== false) makeMountPoint(host, mntns, o.target, fileType(host, src) === "dir");
  resolve(host, mntns, o.target);
  const under = src.mount;
  return addMount(host, mntns, {
    target: norm(o.target), fstype: under.fstype, source: under.source,
    options: [o.readOnly ? "ro" : "rw", ...under.options.filter((x) => x !== "rw" && x !== "ro"), ...(o.options ?? [])],
    root: { kind: "inode", ino: src.ino },
  });
}

/** mount -t proc for a pid namespace (a container's own /proc). */
export function mountProc(host: Host, mntns: number, target: string, pidns: number): Mount {
  return addMount(host, mntns, { target: norm(target), fstype: "proc", source: "proc", options: ["rw", "nosuid", "nodev", "noexec", "relatime"], root: { kind: "proc", pidns } });
}

/** mount -t tmpfs-like: attaches a fresh directory tree (a new, empty inode) at `target`. */
export function mountTree(host: Host, mntns: number, target: string, rootIno: number, fstype: string, source: string, options: string[], context?: string): Mount {
  return addMount(host, mntns, { target: norm(target), fstype, source, options, root: { kind: "inode", ino: rootIno }, context });
}

/** umount: detaches the topmost mount at `target`; EINVAL if nothing is mounted there, EBUSY if mounts sit below it. */
export function unmount(host: Host, mntns: number, target: string): void {
  const t = norm(target);
  if (!mountAt(host, mntns, t)) throw new ErrnoError("EINVAL", "umount", target);
  if (listMounts(host, mntns).some((m) => m.target.startsWith(t === "/" ? "/" : t + "/") && m.target !== t)) {
    throw new ErrnoError("EBUSY", "umount", target);
  }
  removeMount(host, mntns, t);
}

/** unshare(CLONE_NEWNS): a new mount namespace whose table copies `parent`'s. Returns its id. */
export function cloneMountNamespace(host: Host, parent: number): number {
  const ns = createNamespace(host.namespaces, "mnt");
  const table = host.mounts.byNs[parent] ?? {};
  const copy: Record<string, Mount[]> = {};
  for (const [target, stack] of Object.entries(table)) copy[target] = stack.map((m) => ({ ...m, id: host.mounts.nextId++ }));
  host.mounts.byNs[ns.id] = copy;
  return ns.id;
}

/**
 * A container's mount namespace: `/` is the given mount root (its overlay), nothing else yet; the runtime then
 * adds /proc, /dev, /sys and the volumes with mountProc / bindMount. Returns the namespace id.
 */
export function createRootMountNamespace(host: Host, root: Omit<Mount, "id" | "target">): number {
  const ns = createNamespace(host.namespaces, "mnt");
  host.mounts.byNs[ns.id] = {};
  addMount(host, ns.id, { ...root, target: "/" });
  return ns.id;
}

/** mkdir -p of a mount point (the last component a file when `dir` is false), as runc's createIfNotExists. */
function makeMountPoint(host: Host, mntns: number, target: string, dir: boolean): void {
  const parts = splitPath(target);
  const actor = { uid: 0, gid: 0, label: "system_u:system_r:container_runtime_t:s0", pid: 1 };
  let cur = resolve(host, mntns, "/");
  parts.forEach((name, i) => {
    const last = i === parts.length - 1;
    let next = lookupChild(host, cur, name);
    const m = next ? mountAt(host, mntns, next.path) : undefined;
    if (!next) next = createIn(host, cur, name, { type: last && !dir ? "file" : "dir", mode: last && !dir ? 0o644 : 0o755 }, actor, "mkdir");
    cur = m ? resolve(host, mntns, next.path) : next;
  });
}

function norm(p: string): string {
  return joinPath(splitPath(p));
}
