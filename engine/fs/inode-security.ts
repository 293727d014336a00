/**
 * What a file system call asks SELinux about (security/selinux/hooks.c: `selinux_inode_permission`,
 * `may_create`, `may_link`, `selinux_inode_setattr` …): the object — the file itself, or the directory a name is
 * added to or removed from — its class (file, dir, lnk_file …) and the permissions. Reading a file asks `read` of
 * the file; `ls` of a directory asks `read` of the directory; creating, removing or renaming a name asks `write`
 * of the parent directory; chmod/chown/touch -d ask `setattr`; chcon asks `relabelfrom`. The gate passes the
 * answer to the AVC (engine/kernel/avc.ts).
 *
 * Simplifications on purpose: only the last component is checked (no `search` on every directory on the way, as
 * a `:Z` relabel is recursive anyway); `getattr` is not looked up, because every domain modelled holds it.
 */
import type { Host } from "../host.js";
import type { AccessObject } from "../kernel/avc.js";
import type { FsCaller } from "./file-ops.js";
import type { FileType } from "./inode.js";
import { resolve, statVnode, splitPath, joinPath, type Vnode } from "./vfs.js";

/** The object class of each file type. */
const CLASS_OF: Record<FileType, string> = {
  file: "file", dir: "dir", symlink: "lnk_file", chr: "chr_file", blk: "blk_file", fifo: "fifo_file", sock: "sock_file",
};

/** open(2) flags the decision looks at. */
const O_ACCMODE = 0o3;
const O_APPEND = 0o2000;
const AT_SYMLINK_NOFOLLOW = 0x100;

/** What each call asks: of the file (`self`) or of its parent directory (`parent`). */
type Ask = { on: "self" | "parent"; perms: string[]; follow?: (regs: readonly number[]) => boolean };

const ASKS: Record<string, Ask> = {
  getdents64: { on: "self", perms: ["read"] },
  readlinkat: { on: "self", perms: ["read"], follow: () => false },
  mkdirat: { on: "parent", perms: ["write"] },
  symlinkat: { on: "parent", perms: ["write"] },
  mknodat: { on: "parent", perms: ["write"] },
  linkat: { on: "parent", perms: ["write"] },
  unlinkat: { on: "parent", perms: ["write"] },
  renameat2: { on: "parent", perms: ["write"] },
  fchmodat: { on: "self", perms: ["setattr"] },
  fchownat: { on: "self", perms: ["setattr"], follow: (r) => ((r[4] ?? 0) & AT_SYMLINK_NOFOLLOW) === 0 },
  utimensat: { on: "self", perms: ["setattr"] },
  chmod: { on: "self", perms: ["setattr"] },
  lsetxattr: { on: "self", perms: ["relabelfrom"], follow: () => false },
};

/** The device name a file system shows in the AVC's dev= (the host's root is an LVM volume: dm-0). */
function devName(v: Vnode): string {
  const t = v.mount.fstype;
  return t === "xfs" || t === "ext4" ? "dm-0" : t;
}

function objectAt(host: Host, c: FsCaller, path: string, follow: boolean, perms: string[]): AccessObject | undefined {
  let v: Vnode;
  try {
    v = resolve(host, c.mntns, path, follow, c.actor.pid);
  } catch {
    return undefined; // ENOENT and friends: the call itself will say so
  }
  // the call that follows resolves the same path in the same instant: let it reuse this walk
  c.looked = { path, follow, vnode: v };
  const st = statVnode(host, v);
  const parts = splitPath(v.path);
  return { label: st.label, tclass: CLASS_OF[st.type], perms, name: parts[parts.length - 1] ?? "/", dev: devName(v), ino: st.ino };
}

/**
 * The object and permissions `syscall` on `path` asks of SELinux, or undefined when there is nothing to ask
 * (stat, or the path does not resolve: the call fails on its own with ENOENT).
 */
export function accessObject(host: Host, c: FsCaller, syscall: string, regs: readonly number[], path: string): AccessObject | undefined {
  if (syscall === "openat") {
    const flags = regs[2] ?? 0;
    const self = objectAt(host, c, path, true, []);
    if (!self) return objectAt(host, c, joinPath(splitPath(path).slice(0, -1)), true, ["write"]);
    const acc = flags & O_ACCMODE;
    self.perms = acc === 0 ? ["read"] : flags & O_APPEND ? ["append"] : ["write"];
    return self;
  }
  const ask = ASKS[syscall];
  if (!ask) return undefined;
  if (ask.on === "parent") {
    const parts = splitPath(path);
    if (parts.length === 0) return undefined;
    return objectAt(host, c, joinPath(parts.slice(0, -1)), true, ask.perms);
  }
  return objectAt(host, c, path, ask.follow ? ask.follow(regs) : true, ask.perms);
}
