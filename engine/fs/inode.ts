/**
 * Inodes (include/linux/fs.h `struct inode`, stat(2)): the objects a file system stores. A name lives in a
 * directory entry; the inode carries the file type, permission bits, owner, times, link count, size and, as an
 * extended attribute `security.selinux`, its SELinux label. All file systems of the host (the root xfs, tmpfs,
 * container layers) keep their inodes in one table, so image layers are shared between containers by inode
 * number and never copied.
 */

/** File types (the S_IFMT part of st_mode). */
export type FileType = "file" | "dir" | "symlink" | "chr" | "blk" | "fifo" | "sock";

/** S_IFMT bits of each type. */
export const S_IF: Record<FileType, number> = {
  file: 0o100000, dir: 0o040000, symlink: 0o120000, chr: 0o020000, blk: 0o060000, fifo: 0o010000, sock: 0o140000,
};

/** One inode. Plain data. */
export interface Inode {
  ino: number;
  type: FileType;
  /** permission bits incl. setuid/setgid/sticky (07777) */
  mode: number;
  uid: number;
  gid: number;
  /** ms since the epoch */
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  /** security.selinux */
  label: string;
  /** regular file: its bytes (text kept as a string) */
  data?: string | Uint8Array;
  /** symlink: its target */
  target?: string;
  /** directory: name → ino */
  entries?: Map<string, number>;
  /** overlay upper dir: trusted.overlay.opaque=y, lower layers are hidden below it */
  opaque?: boolean;
  /** character device numbers (a 0/0 char device is an overlay whiteout) */
  rdev?: [number, number];
  /** hard links to it */
  nlink: number;
}

/** The inode table of the host. */
export interface InodeTable {
  byIno: Map<number, Inode>;
  /** next inode number */
  nextIno: number;
}

/** What a new inode gets. */
export interface InodeInit {
  type: FileType;
  mode: number;
  uid: number;
  gid: number;
  label: string;
  timeMs: number;
  data?: string | Uint8Array;
  target?: string;
  rdev?: [number, number];
}

/** An empty table; inode numbers start where a real xfs root's first files sit. */
export function createInodeTable(firstIno = 64): InodeTable {
  return { byIno: new Map(), nextIno: firstIno };
}

/** Where inode numbers continue after the root directory (xfs puts the root at 64, the rest in allocation groups). */
const FIRST_AG_INO = 1_703_937;

/**
 * Allocates an inode. Numbers grow with small irregular gaps, as on a file system whose inodes are scattered over
 * allocation groups; the gap is a hash of the number (deterministic, no random draw needed).
 */
export function allocInode(table: InodeTable, init: InodeInit): Inode {
  const ino = table.nextIno;
  table.nextIno = ino < FIRST_AG_INO ? FIRST_AG_INO : ino + 1 + (Math.imul(ino, 2654435761) >>> 27);
  const inode: Inode = {
    ino, type: init.type, mode: init.mode & 0o7777, uid: init.uid, gid: init.gid,
    atimeMs: init.timeMs, mtimeMs: init.timeMs, ctimeMs: init.timeMs, label: init.label,
    nlink: init.type === "dir" ? 2 : 1,
  };
  if (init.type === "dir") inode.entries = new Map();
  if (init.type === "file") inode.data = init.data ?? "";
  if (init.type === "symlink") inode.target = init.target ?? "";
  if (init.rdev) inode.rdev = init.rdev;
  table.byIno.set(ino, inode);
  return inode;
}

/** The inode `ino`; throws for a dangling number (a broken invariant). */
export function getInode(table: InodeTable, ino: number): Inode {
  const inode = table.byIno.get(ino);
  if (!inode) throw new Error(`inode ${ino} does not exist`);
  return inode;
}

/** st_size: bytes of a file, length of a symlink's target, a directory's block. */
export function inodeSize(inode: Inode): number {
  if (inode.type === "file") return typeof inode.data === "string" ? utf8Length(inode.data) : inode.data?.length ?? 0;
  if (inode.type === "symlink") return utf8Length(inode.target ?? "");
  if (inode.type === "dir") return DIR_SIZE;
  return 0;
}

/** Size a directory reports (one 4 KiB block, as ext4 and most xfs directories the lab lists). */
export const DIR_SIZE = 4096;

/** UTF-8 byte length without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** st_mode: type bits | permission bits. */
export function stMode(inode: Inode): number {
  return S_IF[inode.type] | inode.mode;
}

/** Whether the inode is an overlay whiteout (a 0/0 character device). */
export function isWhiteout(inode: Inode): boolean {
  return inode.type === "chr" && inode.rdev?.[0] === 0 && inode.rdev?.[1] === 0;
}
