/**
 * The permission string coreutils prints (`ls -l`, `stat -c %A`): the file type letter and rwx triplets with
 * setuid/setgid/sticky folded in (s/S, t/T), followed on SELinux hosts by `.` (the file has a security context
 * and no other ACL — gnulib's file_has_acl + the SELinux marker).
 */
import type { FileType } from "../fs/inode.js";

const TYPE_CHAR: Record<FileType, string> = { file: "-", dir: "d", symlink: "l", chr: "c", blk: "b", fifo: "p", sock: "s" };

/** "drwxr-xr-x" (10 chars). */
export function modeString(type: FileType, mode: number): string {
  const r = (bit: number, ch: string): string => (mode & bit ? ch : "-");
  const x = (bit: number, special: number, set: string, unset: string): string =>
    mode & special ? (mode & bit ? set : unset) : mode & bit ? "x" : "-";
  return (
    TYPE_CHAR[type] +
    r(0o400, "r") + r(0o200, "w") + x(0o100, 0o4000, "s", "S") +
    r(0o040, "r") + r(0o020, "w") + x(0o010, 0o2000, "s", "S") +
    r(0o004, "r") + r(0o002, "w") + x(0o001, 0o1000, "t", "T")
  );
}

/** `ls -h` / `du -h` sizes: 0, 512, 4.0K, 1.2M (coreutils rounds up to one decimal below 10). */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ["K", "M", "G", "T", "P"];
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    return r >= 10 ? `${Math.ceil(r)}${units[u]}` : `${r.toFixed(1)}${units[u]}`;
  }
  return `${Math.ceil(v)}${units[u]}`;
}
