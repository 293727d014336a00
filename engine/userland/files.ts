/**
 * The coreutils that create and remove files: touch, mkdir, rm. They go through the task's file system view
 * (so new files get their owner and SELinux label from the creating process and the directory, by the type
 * transition rules in engine/kernel/selinux.ts) and print coreutils' messages: `touch: cannot touch '/nope/x': No
 * such file or directory` (no parent is created), `mkdir: cannot create directory 'x': File exists`, and rm's
 * refusal to remove `/` recursively without --no-preserve-root.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { ErrnoError, STRERROR } from "../kernel/errno.js";
import { readClock } from "../kernel/clock.js";
import { splitPath } from "../fs/vfs.js";

const absOf = (ctx: CommandContext, p: string): string => (p.startsWith("/") ? p : `${ctx.cwd === "/" ? "" : ctx.cwd}/${p}`);
const why = (e: unknown): string => STRERROR[e instanceof ErrnoError ? e.code : "EIO"];

function touch(args: string[], ctx: CommandContext): CommandResult {
  const noCreate = args.some((a) => /^-[a-z]*c/.test(a));
  const files = args.filter((a) => !a.startsWith("-") || a === "-");
  if (files.length === 0) return { stderr: "touch: missing file operand\nTry 'touch --help' for more information.\n", exitCode: 1 };
  let stderr = "";
  const now = readClock(ctx.host.clock, ctx.host.edge.timeSource);
  for (const f of files) {
    const p = absOf(ctx, f);
    try {
      if (ctx.fs.existsSync(p)) ctx.fs.utimesSync(p, now, now);
      else if (!noCreate) ctx.fs.writeFileSync(p, "", { append: true });
    } catch (e) {
      stderr += `touch: cannot touch '${f}': ${why(e)}\n`;
    }
  }
  return { stderr, exitCode: stderr ? 1 : 0 };
}
export const touchCommand: UserCommand = { name: "touch", run: touch };

function mkdir(args: string[], ctx: CommandContext): CommandResult {
  let parents = false;
  let verbose = false;
  let mode: number | undefined;
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-p" || a === "--parents") parents = true;
    else if (a === "-v" || a === "--verbose") verbose = true;
    else if (a === "-m") mode = parseInt(args[++i] ?? "755", 8);
    else if (a.startsWith("-m")) mode = parseInt(a.slice(2), 8);
    else if (/^-[pv]+$/.test(a)) { parents ||= a.includes("p"); verbose ||= a.includes("v"); }
    else dirs.push(a);
  }
  if (dirs.length === 0) return { stderr: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n", exitCode: 1 };
  let stdout = "";
  let stderr = "";
  for (const d of dirs) {
    const p = absOf(ctx, d);
    try {
      if (parents) {
        const parts = splitPath(p);
        for (let i = 1; i <= parts.length; i++) {
          const sub = "/" + parts.slice(0, i).join("/");
          if (ctx.fs.existsSync(sub)) continue;
          ctx.fs.mkdirSync(sub);
          if (verbose) stdout += `mkdir: created directory '${sub}'\n`;
        }
      } else {
        // -m: coreutils clears its umask and asks mkdir(2) for the mode itself
        ctx.fs.mkdirSync(p, mode === undefined ? {} : { mode });
        if (verbose) stdout += `mkdir: created directory '${d}'\n`;
      }
      if (mode !== undefined && (parents || (mode & ctx.fs.umask) !== 0)) ctx.fs.chmodSync(p, mode);
    } catch (e) {
      stderr += `mkdir: cannot create directory '${d}': ${why(e)}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
export const mkdirCommand: UserCommand = { name: "mkdir", run: mkdir };

async function rm(args: string[], ctx: CommandContext): Promise<CommandResult> {
  const recursive = args.some((a) => /^-[a-zA-Z]*[rR]/.test(a) || a === "--recursive");
  const preserve = !args.includes("--no-preserve-root");
  if (recursive && preserve && args.some((a) => !a.startsWith("-") && splitPath(absOf(ctx, a)).length === 0)) {
    return { stderr: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n", exitCode: 1 };
  }
  if (ctx.builtin) return ctx.builtin(args.filter((a) => a !== "--no-preserve-root"));
  return { stderr: "rm: not available\n", exitCode: 1 };
}
export const rmCommand: UserCommand = { name: "rm", run: rm };
