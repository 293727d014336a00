/**
 * The adaptor between a process' file system view and the bash interpreter (just-bash's IFileSystem): async
 * wrappers over the view's synchronous, syscall-gated operations, so the interpreter's builtins (cat, echo > f,
 * grep, cp …) act on the simulated host as the process running them. Deliberately not an InMemoryFs look-alike:
 * just-bash would otherwise seed /bin, /dev and /proc of its own into the host.
 */
import type { IFileSystem, FsStat, FileContent, MkdirOptions, RmOptions, CpOptions, BufferEncoding } from "just-bash";
import type { FsView } from "../fs/fs-view.js";
import type { Stat } from "../fs/vfs.js";
import { ErrnoError } from "../kernel/errno.js";
import { splitPath, joinPath } from "../fs/vfs.js";

type DirentEntry = { name: string; isFile: boolean; isDirectory: boolean; isSymbolicLink: boolean };
type ReadFileOptions = { encoding?: BufferEncoding | null };
type WriteFileOptions = { encoding?: BufferEncoding };

export class BashFs implements IFileSystem {
  /** `view` is switched by the shell to the view of the command running now (commands run one at a time) */
  constructor(public view: FsView) {}


  async readFile(path: string, _options?: ReadFileOptions | BufferEncoding): Promise<string> {
    return this.view.readFileSync(path);
  }
  async readFileBuffer(path: string): Promise<Uint8Array> {
    const d = this.view.readBytesSync(path);
    return typeof d === "string" ? new TextEncoder().encode(d) : d;
  }
  async writeFile(path: string, content: FileContent, _options?: WriteFileOptions | BufferEncoding): Promise<void> {
    this.view.writeFileSync(path, content);
  }
  async appendFile(path: string, content: FileContent, _options?: WriteFileOptions | BufferEncoding): Promise<void> {
    this.view.writeFileSync(path, content, { append: true });
  }
  /**
   * Programs only the interpreter can see: the shell's own job-control markers (engine/shell/jobs.ts), which it
   * runs by absolute path and which are no file of the host.
   */
  readonly internal = new Set<string>();

  async exists(path: string): Promise<boolean> {
    return this.internal.has(path) || this.view.existsSync(path);
  }
  async stat(path: string): Promise<FsStat> {
    if (this.internal.has(path)) return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o755, size: 0, mtime: new Date(0) };
    return toFsStat(this.view.statSync(path));
  }
  async lstat(path: string): Promise<FsStat> {
    return toFsStat(this.view.lstatSync(path));
  }
  async mkdir(path: string, options?: MkdirOptions): Promise<void> {
    if (!options?.recursive || !this.view.existsSync(path)) this.view.mkdirSync(path, { recursive: options?.recursive });
  }
  async readdir(path: string): Promise<string[]> {
    return this.view.readdirSync(path).sort();
  }
  async readdirWithFileTypes(path: string): Promise<DirentEntry[]> {
    return this.view.readdirSync(path).sort().map((name) => {
      const st = this.view.lstatSync(path === "/" ? "/" + name : path + "/" + name);
      return { name, isFile: st.type === "file", isDirectory: st.type === "dir", isSymbolicLink: st.type === "symlink" };
    });
  }
  async rm(path: string, options?: RmOptions): Promise<void> {
    // rmdir(1) asks to remove a directory without recursion: that is rmdir(2) (unlinkat with AT_REMOVEDIR)
    if (!options?.recursive && !options?.force && this.view.existsSync(path) && this.view.lstatSync(path).type === "dir") return this.view.rmdirSync(path);
    this.view.rmSync(path, options);
  }
  async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    this.copy(src, dest, !!options?.recursive);
  }
  private copy(src: string, dest: string, recursive: boolean): void {
    const st = this.view.statSync(src);
    if (st.type === "dir") {
      if (!recursive) throw new ErrnoError("EISDIR", "cp", src);
      if (!this.view.existsSync(dest)) this.view.mkdirSync(dest, { mode: st.mode | this.view.umask });
      for (const n of this.view.readdirSync(src)) this.copy(`${src}/${n}`, `${dest}/${n}`, true);
      return;
    }
    this.view.writeFileSync(dest, this.view.readBytesSync(src), { mode: st.mode | this.view.umask });
  }
  async mv(src: string, dest: string): Promise<void> {
    this.view.renameSync(src, dest);
  }
  resolvePath(base: string, path: string): string {
    if (path.startsWith("/")) return joinPath(splitPath(path));
    return joinPath(splitPath(`${base}/${path}`));
  }
  getAllPaths(): string[] {
    return [];
  }
  async chmod(path: string, mode: number): Promise<void> {
    this.view.chmodSync(path, mode);
  }
  async symlink(target: string, linkPath: string): Promise<void> {
    this.view.symlinkSync(target, linkPath);
  }
  async link(existingPath: string, newPath: string): Promise<void> {
    this.view.linkSync(existingPath, newPath);
  }
  async readlink(path: string): Promise<string> {
    return this.view.readlinkSync(path);
  }
  async realpath(path: string): Promise<string> {
    return this.view.realpathSync(path);
  }
  async utimes(path: string, atime: Date, mtime: Date): Promise<void> {
    this.view.utimesSync(path, atime.getTime(), mtime.getTime());
  }
}

/** just-bash's stat shape from ours. */
function toFsStat(st: Stat): FsStat {
  return {
    isFile: st.type === "file", isDirectory: st.type === "dir", isSymbolicLink: st.type === "symlink",
    mode: st.mode, size: st.size, mtime: new Date(st.mtimeMs), ino: st.ino,
  };
}

