/**
 * stat (GNU coreutils): everything the inode says — size, blocks, inode number, links, mode, owner, SELinux
 * context and the three times — in the default layout or a `-c FORMAT` of %n %s %b %i %h %a %A %u %U %g %G %C
 * %F %x %y %z %X %Y %Z.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import type { Stat } from "../fs/vfs.js";
import { ErrnoError, STRERROR } from "../kernel/errno.js";
import { userName } from "../shell/prompt.js";
import { modeString } from "./mode-string.js";
import { statTime } from "./time-format.js";

const TYPE_NAME: Record<Stat["type"], string> = { file: "regular file", dir: "directory", symlink: "symbolic link", chr: "character special file", blk: "block special file", fifo: "fifo", sock: "socket" };

function fmt(spec: string, name: string, st: Stat, ctx: CommandContext): string {
  return spec.replace(/%([a-zA-Z%])/g, (_, c: string) => {
    switch (c) {
      case "n": return name;
      case "s": return String(st.size);
      case "b": return String(st.blocks);
      case "i": return String(st.ino);
      case "h": return String(st.nlink);
      case "a": return st.mode.toString(8);
      case "A": return modeString(st.type, st.mode);
      case "u": return String(st.uid);
      case "U": return userName(ctx.host, st.uid);
      case "g": return String(st.gid);
      case "G": return userName(ctx.host, st.gid);
      case "C": return st.label;
      case "F": return st.type === "file" && st.size === 0 ? "regular empty file" : TYPE_NAME[st.type];
      case "x": return statTime(st.atimeMs);
      case "y": return statTime(st.mtimeMs);
      case "z": return statTime(st.ctimeMs);
      case "X": return String(Math.floor(st.atimeMs / 1000));
      case "Y": return String(Math.floor(st.mtimeMs / 1000));
      case "Z": return String(Math.floor(st.ctimeMs / 1000));
      case "%": return "%";
    }
    return "?";
  });
}

function stat(args: string[], ctx: CommandContext): CommandResult {
  let format: string | undefined;
  let follow = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-c" || a === "--format") format = args[++i];
    else if (a.startsWith("--format=")) format = a.slice(9);
    else if (a.startsWith("-c") && a.length > 2) format = a.slice(2);
    else if (a === "-L") follow = true;
    else files.push(a);
  }
  if (files.length === 0) return { stderr: "stat: missing operand\nTry 'stat --help' for more information.\n", exitCode: 1 };
  const rhel7 = ctx.host.profile.coreutilsQuoting === "8.22";
  let stdout = "";
  let stderr = "";
  for (const f of files) {
    const p = f.startsWith("/") ? f : `${ctx.cwd === "/" ? "" : ctx.cwd}/${f}`;
    let st: Stat;
    try {
      st = follow ? ctx.fs.statSync(p) : ctx.fs.lstatSync(p);
    } catch (e) {
      stderr += `stat: cannot stat '${f}': ${STRERROR[e instanceof ErrnoError ? e.code : "ENOENT"]}\n`;
      continue;
    }
    if (format !== undefined) {
      stdout += fmt(format, f, st, ctx) + "\n";
      continue;
    }
    const target = st.type === "symlink" ? ` -> '${ctx.fs.readlinkSync(p)}'` : "";
    stdout += fmt(
      `  File: ${rhel7 ? `'%n'` : "%n"}${target}\n  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(st.blocks).padEnd(10)} IO Block: 4096   %F\n` +
      `Device: fd00h/64768d\tInode: ${String(st.ino).padEnd(11)} Links: %h\n` +
      `Access: (0${(st.mode & 0o7777).toString(8).padStart(3, "0")}/%A)  Uid: (${String(st.uid).padStart(5)}/${userName(ctx.host, st.uid).padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${userName(ctx.host, st.gid).padStart(8)})\n` +
      `Context: %C\nAccess: %x\nModify: %y\nChange: %z\n Birth: -`, f, st, ctx) + "\n";
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

export const statCommand: UserCommand = { name: "stat", run: stat };
