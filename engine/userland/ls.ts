/**
 * ls (GNU coreutils): lists directory contents with the metadata the VFS keeps — real modes with the SELinux
 * `.` marker, owners, link counts, sizes, times, inode numbers, block counts and labels. The `-Z` layout is the
 * host profile's: RHEL 7's coreutils 8.22 prints `mode user group context name` (and ignores -l), newer
 * coreutils insert the context as a column of the long format. Flags: -l -a -A -d -h -i -s -Z -1 -n -R(-less),
 * combined freely (`-lisah`, `-alhZ`).
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import type { Stat } from "../fs/vfs.js";
import { ErrnoError, STRERROR } from "../kernel/errno.js";
import { readClock } from "../kernel/clock.js";
import { userName } from "../shell/prompt.js";
import { modeString, humanSize } from "./mode-string.js";
import { lsDate } from "./time-format.js";

interface Flags {
  long: boolean; all: boolean; almost: boolean; dir: boolean; human: boolean; inode: boolean; size: boolean;
  context: boolean; one: boolean; numeric: boolean; reverse: boolean; time: boolean; recursive: boolean;
}

interface Entry {
  name: string;
  path: string;
  st: Stat;
  target?: string;
}

const groupName = (ctx: CommandContext, gid: number): string => userName(ctx.host, gid);

function sortKey(a: string): string {
  return a.replace(/^\.+/, "").toLowerCase();
}

function compareNames(a: string, b: string): number {
  if (a === "." || a === "..") return b === "." || b === ".." ? (a < b ? -1 : 1) : -1;
  if (b === "." || b === "..") return 1;
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

function ls(args: string[], ctx: CommandContext): CommandResult {
  const f: Flags = { long: false, all: false, almost: false, dir: false, human: false, inode: false, size: false, context: false, one: false, numeric: false, reverse: false, time: false, recursive: false };
  const paths: string[] = [];
  const rhel7 = ctx.host.profile.lsZFormat === "rhel7";
  let endOpts = false;
  for (const a of args) {
    if (!endOpts && a === "--") { endOpts = true; continue; }
    if (!endOpts && a.startsWith("--")) {
      const map: Record<string, keyof Flags> = { "--all": "all", "--almost-all": "almost", "--directory": "dir", "--human-readable": "human", "--inode": "inode", "--size": "size", "--context": "context", "--numeric-uid-gid": "numeric", "--reverse": "reverse", "--recursive": "recursive" };
      if (map[a]) f[map[a]] = true;
      else if (a.startsWith("--color") || a === "--full-time") continue;
      else return { stderr: `ls: unrecognized option '${a}'\nTry 'ls --help' for more information.\n`, exitCode: 2 };
      continue;
    }
    if (!endOpts && a.startsWith("-") && a.length > 1) {
      for (const c of a.slice(1)) {
        const map: Record<string, keyof Flags> = { l: "long", a: "all", A: "almost", d: "dir", h: "human", i: "inode", s: "size", Z: "context", "1": "one", n: "numeric", r: "reverse", t: "time", R: "recursive" };
        if (map[c]) f[map[c]] = true;
        else if (c === "g" || c === "o") f.long = true;
        else if (c === "F" || c === "G" || c === "U" || c === "S" || c === "q") continue;
        else return { stderr: `ls: invalid option -- '${c}'\nTry 'ls --help' for more information.\n`, exitCode: 2 };
      }
      continue;
    }
    paths.push(a);
  }
  if (f.numeric) f.long = true;
  if (paths.length === 0) paths.push(".");
  const abs = (p: string): string => (p.startsWith("/") ? p : `${ctx.cwd === "/" ? "" : ctx.cwd}/${p}`);
  const q = (p: string): string => (ctx.host.profile.coreutilsQuoting === "8.22" ? p : `'${p}'`);

  let stderr = "";
  let exitCode = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const p of paths) {
    try {
      const followed = ctx.fs.statSync(abs(p));
      const st = f.long || f.dir ? ctx.fs.lstatSync(abs(p)) : followed;
      const e: Entry = { name: p, path: abs(p), st };
      if (st.type === "symlink") e.target = ctx.fs.readlinkSync(abs(p));
      if (followed.type === "dir" && !f.dir && !(st.type === "symlink" && f.long && !p.endsWith("/"))) dirs.push({ ...e, st: followed });
      else files.push(e);
    } catch (e) {
      const code = e instanceof ErrnoError ? e.code : "ENOENT";
      stderr += `ls: cannot access ${q(p)}: ${STRERROR[code]}\n`;
      exitCode = 2;
    }
  }
  const now = readClock(ctx.host.clock, ctx.host.edge.timeSource);
  const blocks = (st: Stat): string => (f.human ? (st.blocks === 0 ? "0" : humanSize(st.blocks * 512)) : String(Math.ceil(st.blocks / 2)));
  const out: string[] = [];

  const render = (entries: Entry[], withTotal: boolean): void => {
    const sorted = [...entries].sort((a, b) => (f.time ? b.st.mtimeMs - a.st.mtimeMs : compareNames(a.name, b.name)));
    if (f.reverse) sorted.reverse();
    if (withTotal && (f.long || f.size) && !(rhel7 && f.context)) {
      const total = sorted.reduce((n, e) => n + e.st.blocks, 0);
      out.push(`total ${f.human ? (total === 0 ? "0" : humanSize(total * 512)) : Math.ceil(total / 2)}`);
    }
    const user = (e: Entry): string => (f.numeric ? String(e.st.uid) : userName(ctx.host, e.st.uid));
    const group = (e: Entry): string => (f.numeric ? String(e.st.gid) : groupName(ctx, e.st.gid));
    const name = (e: Entry): string => (e.target !== undefined && (f.long || (rhel7 && f.context)) ? `${e.name} -> ${e.target}` : e.name);
    const prefix = (e: Entry, wIno: number, wBlk: number): string =>
      (f.inode ? String(e.st.ino).padStart(wIno) + " " : "") + (f.size ? blocks(e.st).padStart(wBlk) + " " : "");
    const wIno = Math.max(0, ...sorted.map((e) => String(e.st.ino).length));
    const wBlk = Math.max(0, ...sorted.map((e) => blocks(e.st).length));
    if (rhel7 && f.context) {
      for (const e of sorted) out.push(`${prefix(e, wIno, wBlk)}${modeString(e.st.type, e.st.mode)}. ${user(e)} ${group(e)} ${e.st.label.padEnd(32)} ${name(e)}`);
      return;
    }
    if (f.long) {
      const size = (e: Entry): string => (e.st.rdev && (e.st.type === "chr" || e.st.type === "blk") ? `${e.st.rdev[0]}, ${e.st.rdev[1]}` : f.human ? humanSize(e.st.size) : String(e.st.size));
      const w = {
        link: Math.max(...sorted.map((e) => String(e.st.nlink).length)),
        user: Math.max(...sorted.map((e) => user(e).length)),
        group: Math.max(...sorted.map((e) => group(e).length)),
        ctx: Math.max(...sorted.map((e) => e.st.label.length)),
        size: Math.max(...sorted.map((e) => size(e).length)),
      };
      for (const e of sorted) {
        const label = f.context ? ` ${e.st.label.padEnd(w.ctx)}` : "";
        out.push(`${prefix(e, wIno, wBlk)}${modeString(e.st.type, e.st.mode)}. ${String(e.st.nlink).padStart(w.link)} ${user(e).padEnd(w.user)} ${group(e).padEnd(w.group)}${label} ${size(e).padStart(w.size)} ${lsDate(e.st.mtimeMs, now)} ${name(e)}`);
      }
      return;
    }
    const cells = sorted.map((e) => prefix(e, wIno, wBlk) + (f.context ? `${e.st.label} ` : "") + e.name);
    out.push(...columns(cells, f.one ? 0 : Number(ctx.env.COLUMNS ?? 80), ctx));
  };

  if (files.length > 0) render(files, false);
  dirs.sort((a, b) => compareNames(a.name, b.name));
  // -R: every directory met is listed after its parent, depth first, each under its name
  const many = paths.length > 1 || f.recursive;
  const queue = [...dirs];
  for (let i = 0; i < queue.length; i++) {
    const d = queue[i];
    if (out.length > 0 || i > 0) out.push("");
    if (many) out.push(`${d.name}:`);
    let names: string[];
    try {
      names = ctx.fs.readdirSync(d.path);
    } catch (e) {
      const code = e instanceof ErrnoError ? e.code : "EACCES";
      stderr += `ls: cannot open directory ${q(d.name)}: ${STRERROR[code]}\n`;
      exitCode = 2;
      continue;
    }
    if (!f.all) names = names.filter((n) => !n.startsWith("."));
    if (f.all && !f.almost) names = [".", "..", ...names];
    if (f.almost) names = names.filter((n) => n !== "." && n !== "..");
    const entries: Entry[] = [];
    for (const n of names) {
      const path = n === "." ? d.path : n === ".." ? `${d.path}/..` : `${d.path === "/" ? "" : d.path}/${n}`;
      try {
        const st = ctx.fs.lstatSync(path);
        const e: Entry = { name: n, path, st };
        if (st.type === "symlink") e.target = ctx.fs.readlinkSync(path);
        entries.push(e);
      } catch {
        // vanished between readdir and stat (procfs): skip as ls does
      }
    }
    render(entries, true);
    if (f.recursive) {
      const subdirs = entries.filter((e) => e.st.type === "dir" && e.name !== "." && e.name !== "..").sort((a, b) => compareNames(a.name, b.name));
      const named = subdirs.map((e) => ({ ...e, name: `${d.name.replace(/\/$/, "")}/${e.name}` }));
      if (f.reverse) named.reverse();
      queue.splice(i + 1, 0, ...named);
    }
  }
  if (out.length > 0 && out[0] === "") out.shift();
  return { stdout: out.length > 0 ? out.join("\n") + "\n" : "", stderr, exitCode };
}

/** GNU ls' vertical columns for a terminal of `width` (one per line when piped or width 0). */
function columns(cells: string[], width: number, ctx: CommandContext): string[] {
  if (cells.length === 0) return [];
  if (width <= 0 || ctx.stdoutIsTty === false) return cells;
  for (let cols = Math.min(cells.length, Math.floor(width / 3)); cols > 1; cols--) {
    const rows = Math.ceil(cells.length / cols);
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) widths.push(Math.max(0, ...cells.slice(c * rows, (c + 1) * rows).map((s) => s.length)));
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1);
    if (total > width) continue;
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      let line = "";
      for (let c = 0; c < cols; c++) {
        const cell = cells[c * rows + r];
        if (cell === undefined) continue;
        const last = c === cols - 1 || cells[(c + 1) * rows + r] === undefined;
        line += last ? cell : cell.padEnd(widths[c] + 2);
      }
      lines.push(line);
    }
    return lines;
  }
  return cells;
}

export const lsCommand: UserCommand = { name: "ls", run: ls };
