/**
 * A process' view of the file system (`struct fs_struct` + its mount namespace + its credentials): what the
 * shell and every command see as "the disk". Every call goes through the syscall gate as the process the view
 * belongs to, so a seccomp filter that denies `fchmodat` stops any chmod. The operations are synchronous
 * (`statSync`, `writeFileSync` …); engine/shell/bash-fs.ts adapts them to just-bash's async IFileSystem. A view
 * without a task is the kernel's own (host mount namespace, root, no checks), used to lay out the root fs and
 * image layers.
 *
 * Failures throw ErrnoError (`code` = "ENOENT" …, message in Node's style, which just-bash's builtins read).
 */
import type { Host } from "../host.js";
import type { Task } from "../kernel/tasks.js";
import { type SyscallResult, syscall, AT_FDCWD } from "../kernel/syscalls.js";
import { ErrnoError } from "../kernel/errno.js";
import type { Stat, CreateSpec } from "./vfs.js";
import { splitPath, joinPath } from "./vfs.js";
import {
  type FsCaller, sysStat, sysReadFile, sysWriteFile, sysMkdir, sysCreate, sysSymlink, sysLink, sysUnlink, sysRename,
  sysReaddir, sysReadlink, sysChmod, sysChown, sysUtimes, sysSetLabel,
} from "./file-ops.js";
import { accessObject } from "./inode-security.js";

/** The label of work the kernel does on its own behalf. */
const KERNEL_LABEL = "system_u:system_r:kernel_t:s0";

/** Options of the synchronous mkdir. */
export interface MkdirSyncOptions {
  recursive?: boolean;
  mode?: number;
  label?: string;
  uid?: number;
  gid?: number;
}

export class FsView {
  /** `task` = whose view; null = the kernel's (host namespace, no checks). `umask` as the shell's. */
  constructor(readonly host: Host, readonly task: Task | null, public umask = 0o022) {}

  /** the mount namespace and actor of this view */
  get caller(): FsCaller {
    const t = this.task;
    if (!t) return { mntns: this.host.namespaces.init.mnt, actor: { uid: 0, gid: 0, label: KERNEL_LABEL, pid: 1 } };
    return { mntns: t.ns.mnt, actor: { uid: t.cred.uid, gid: t.cred.gid, label: t.label, pid: t.pid } };
  }

  /** Runs a syscall as this view's task and returns its result as a value. */
  sys<T>(name: string, regs: number[], run: (c: FsCaller) => T, path?: string): SyscallResult<T> {
    const c = this.caller;
    // the object SELinux is asked about, looked up only when the task's domain is confined
    const target = path === undefined ? undefined : () => accessObject(this.host, c, name, regs, path);
    return syscall(this.host, this.task, name, regs, () => run(c), target);
  }

  private must<T>(name: string, path: string, regs: number[], run: (c: FsCaller) => T, syscallWord = name): T {
    const r = this.sys(name, regs, run, path);
    if (!r.ok) throw new ErrnoError(r.errno, syscallWord, path);
    return r.value;
  }

  // ---- synchronous API (engine and userland) ----

  statSync(path: string): Stat {
    return this.must("newfstatat", path, [AT_FDCWD, 0, 0, 0], (c) => sysStat(this.host, c, path), "stat");
  }
  lstatSync(path: string): Stat {
    return this.must("newfstatat", path, [AT_FDCWD, 0, 0, 0x100], (c) => sysStat(this.host, c, path, false), "lstat");
  }
  existsSync(path: string): boolean {
    return this.sys("newfstatat", [AT_FDCWD, 0, 0, 0], (c) => sysStat(this.host, c, path)).ok;
  }
  readFileSync(path: string): string {
    const data = this.readBytesSync(path);
    return typeof data === "string" ? data : new TextDecoder().decode(data);
  }
  readBytesSync(path: string): string | Uint8Array {
    return this.must("openat", path, [AT_FDCWD, 0, 0], (c) => sysReadFile(this.host, c, path), "open");
  }
  writeFileSync(path: string, data: string | Uint8Array, opts: { append?: boolean; mode?: number } = {}): void {
    const mode = (opts.mode ?? 0o666) & ~this.umask;
    const flags = 0o1 | 0o100 | (opts.append ? 0o2000 : 0o1000);
    // seccomp sees the mode the program asked for; the kernel applies the umask afterwards
    this.must("openat", path, [AT_FDCWD, 0, flags, opts.mode ?? 0o666], (c) => sysWriteFile(this.host, c, path, data, !!opts.append, mode), "open");
  }
  mkdirSync(path: string, opts: MkdirSyncOptions = {}): void {
    const mode = (opts.mode ?? 0o777) & ~this.umask;
    const parts = splitPath(path);
    const targets = opts.recursive ? parts.map((_, i) => joinPath(parts.slice(0, i + 1))) : [joinPath(parts)];
    for (const p of targets) {
      if (opts.recursive && this.existsSync(p)) continue;
      this.must("mkdirat", p, [AT_FDCWD, 0, opts.mode ?? 0o777], (c) => sysMkdir(this.host, c, p, mode, opts.label), "mkdir");
      if (opts.uid !== undefined || opts.gid !== undefined) this.chownSync(p, opts.uid ?? -1, opts.gid ?? -1);
    }
    if (opts.recursive && targets.length === 0 && !this.existsSync("/")) throw new ErrnoError("ENOENT", "mkdir", path);
  }
  /** Creates any kind of file with an explicit spec (mode used as given, no umask): engines' layer setup. */
  createSync(path: string, spec: CreateSpec): void {
    const name = spec.type === "dir" ? "mkdirat" : spec.type === "symlink" ? "symlinkat" : spec.type === "file" ? "openat" : "mknodat";
    this.must(name, path, [AT_FDCWD, 0, spec.mode], (c) => sysCreate(this.host, c, path, spec), "open");
  }
  readdirSync(path: string): string[] {
    return this.must("getdents64", path, [0], (c) => sysReaddir(this.host, c, path), "scandir");
  }
  unlinkSync(path: string): void {
    this.must("unlinkat", path, [AT_FDCWD, 0, 0], (c) => sysUnlink(this.host, c, path, false), "unlink");
  }
  rmdirSync(path: string): void {
    this.must("unlinkat", path, [AT_FDCWD, 0, 0x200], (c) => sysUnlink(this.host, c, path, true), "rmdir");
  }
  /** rm -r / rm -f semantics. */
  rmSync(path: string, opts: { recursive?: boolean; force?: boolean } = {}): void {
    let st: Stat;
    try {
      st = this.lstatSync(path);
    } catch (e) {
      if (opts.force && e instanceof ErrnoError && e.code === "ENOENT") return;
      throw e;
    }
    if (st.type !== "dir") return this.unlinkSync(path);
    if (!opts.recursive) throw new ErrnoError("EISDIR", "rm", path);
    for (const name of this.readdirSync(path)) {
      try {
        this.rmSync(path === "/" ? "/" + name : path + "/" + name, opts);
      } catch (e) {
        if (!(opts.force && e instanceof ErrnoError)) throw e;
      }
    }
    if (splitPath(path).length > 0) this.rmdirSync(path);
  }
  renameSync(from: string, to: string): void {
    this.must("renameat2", from, [AT_FDCWD, 0, AT_FDCWD, 0, 0], (c) => sysRename(this.host, c, from, to), "rename");
  }
  symlinkSync(target: string, path: string): void {
    this.must("symlinkat", path, [0, AT_FDCWD, 0], (c) => sysSymlink(this.host, c, target, path), "symlink");
  }
  linkSync(existing: string, path: string): void {
    this.must("linkat", path, [AT_FDCWD, 0, AT_FDCWD, 0, 0], (c) => sysLink(this.host, c, existing, path), "link");
  }
  readlinkSync(path: string): string {
    return this.must("readlinkat", path, [AT_FDCWD, 0, 0, 0], (c) => sysReadlink(this.host, c, path), "readlink");
  }
  chmodSync(path: string, mode: number): void {
    this.must("fchmodat", path, [AT_FDCWD, 0, mode], (c) => sysChmod(this.host, c, path, mode), "chmod");
  }
  chownSync(path: string, uid: number, gid: number, follow = true): void {
    this.must("fchownat", path, [AT_FDCWD, 0, uid, gid, follow ? 0 : 0x100], (c) => sysChown(this.host, c, path, uid, gid, follow), "chown");
  }
  utimesSync(path: string, atimeMs: number, mtimeMs: number): void {
    this.must("utimensat", path, [AT_FDCWD, 0, 0, 0], (c) => sysUtimes(this.host, c, path, atimeMs, mtimeMs), "utimes");
  }
  /** chcon / the `:z` `:Z` relabel: sets security.selinux. */
  setLabelSync(path: string, label: string, follow = true): void {
    this.must("lsetxattr", path, [0, 0, 0, 0, 0], (c) => sysSetLabel(this.host, c, path, label, follow), "setxattr");
  }
  /** realpath(3). */
  realpathSync(path: string): string {
    const parts = splitPath(path);
    const out: string[] = [];
    let hops = 0;
    while (parts.length > 0) {
      const name = parts.shift()!;
      const p = joinPath([...out, name]);
      const st = this.lstatSync(p);
      if (st.type === "symlink") {
        if (++hops > 40) throw new ErrnoError("ELOOP", "realpath", path);
        const target = this.readlinkSync(p);
        const next = splitPath(target.startsWith("/") ? target : joinPath([...out, target]));
        parts.unshift(...next);
        out.length = 0;
      } else out.push(name);
    }
    return joinPath(out);
  }
}

/** The kernel's own view of the host's file system (no task, no checks). */
export function kernelFs(host: Host): FsView {
  return new FsView(host, null, 0o022);
}

/** The view of the file system that `task` has. */
export function taskFs(host: Host, task: Task): FsView {
  return new FsView(host, task);
}
