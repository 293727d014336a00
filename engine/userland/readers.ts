/**
 * The filters that open the files named on their command line — head, grep, wc, sort, md5sum, sha256sum — as the
 * kernel answers them. The shell library's versions say "No such file or directory" for every file they cannot
 * open; on a real host a file SELinux (or anything else) refuses gives each program's own wording:
 * `head: cannot open '/data/x' for reading: Permission denied`, `grep: /data/x: Permission denied` (exit 2). Each
 * operand is opened first through the process' file system view; the ones refused are reported here, the rest go
 * to the library's program. A missing file is left to the library (its message is already the real one).
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { ErrnoError, STRERROR, type ErrnoName } from "../kernel/errno.js";

/** How each program words a file it cannot open (`%f` the operand, `%e` strerror), and its exit status then. */
const READERS: Record<string, { message: string; status: number; skipFirst?: boolean }> = {
  head: { message: "head: cannot open '%f' for reading: %e", status: 1 },
  grep: { message: "grep: %f: %e", status: 2, skipFirst: true },
  wc: { message: "wc: %f: %e", status: 1 },
  sort: { message: "sort: cannot read: %f: %e", status: 2 },
  md5sum: { message: "md5sum: %f: %e", status: 1 },
  sha256sum: { message: "sha256sum: %f: %e", status: 1 },
};

/** Options whose value is the next word (so it is not taken for a file). */
const VALUE_OPTIONS = new Set(["-n", "-c", "-e", "-f", "-m", "-A", "-B", "-C", "-k", "-t", "-o", "-S", "-T"]);

const absOf = (ctx: CommandContext, p: string): string => (p.startsWith("/") ? p : `${ctx.cwd === "/" ? "" : ctx.cwd}/${p}`);

/** The errno opening `path` gives, or undefined when it opens (or is simply missing). */
function openError(ctx: CommandContext, path: string): ErrnoName | undefined {
  try {
    ctx.fs.readBytesSync(absOf(ctx, path));
    return undefined;
  } catch (e) {
    const code = e instanceof ErrnoError ? e.code : undefined;
    return code === "EACCES" || code === "EPERM" ? code : undefined;
  }
}

function reader(name: string): UserCommand {
  const spec = READERS[name]!;
  return {
    name,
    async run(args: string[], ctx: CommandContext): Promise<CommandResult> {
      if (!ctx.builtin) return { stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
      const kept: string[] = [];
      let stderr = "";
      let files = 0;
      let patternSeen = !spec.skipFirst || args.some((a) => a === "-e" || a === "-f" || a.startsWith("--regexp"));
      let endOfOptions = false;
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (!endOfOptions && a === "--") {
          endOfOptions = true;
          kept.push(a);
        } else if (!endOfOptions && a.startsWith("-") && a !== "-") {
          kept.push(a);
          if (VALUE_OPTIONS.has(a) && i + 1 < args.length) kept.push(args[++i]!);
        } else if (!patternSeen) {
          patternSeen = true;
          kept.push(a);
        } else {
          files++;
          const err = a === "-" ? undefined : openError(ctx, a);
          if (err) stderr += spec.message.replace("%f", a).replace("%e", STRERROR[err]) + "\n";
          else kept.push(a);
        }
      }
      if (!stderr) return ctx.builtin(args);
      const remaining = kept.length - (args.length - files);
      if (remaining <= 0 && files > 0) return { stderr, exitCode: spec.status };
      const r = await ctx.builtin(kept);
      return { stdout: r.stdout ?? "", stderr: stderr + (r.stderr ?? ""), exitCode: Math.max(r.exitCode, spec.status) };
    },
  };
}

/** head, grep, wc, sort, md5sum, sha256sum with the kernel's answers. */
export const readerCommands: UserCommand[] = Object.keys(READERS).map(reader);
