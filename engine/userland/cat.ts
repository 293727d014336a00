/**
 * cat (coreutils src/cat.c): copies each file, or stdin for `-`, to stdout in order. Each file is opened through
 * the task's file system view, so SELinux, DAC and missing files give coreutils' own message and the others are
 * still printed: `cat: /data/x: Permission denied`, `cat: nope: No such file or directory`,
 * `cat: /etc: Is a directory` — exit 1 if any failed. The formatting options (-n, -A …) go to the shell library's
 * cat once every file has been checked readable.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { ErrnoError, STRERROR } from "../kernel/errno.js";

const absOf = (ctx: CommandContext, p: string): string => (p.startsWith("/") ? p : `${ctx.cwd === "/" ? "" : ctx.cwd}/${p}`);

async function cat(args: string[], ctx: CommandContext): Promise<CommandResult> {
  const endOfOptions = args.indexOf("--");
  const options = args.filter((a, i) => a.length > 1 && a.startsWith("-") && (endOfOptions < 0 || i < endOfOptions));
  const files = args.filter((a, i) => !(a.length > 1 && a.startsWith("-") && (endOfOptions < 0 || i < endOfOptions)) && i !== endOfOptions);
  let stdout = "";
  let stderr = "";
  const decoder = new TextDecoder();
  for (const f of files.length === 0 ? ["-"] : files) {
    if (f === "-") {
      stdout += ctx.stdin;
      continue;
    }
    try {
      const data = ctx.fs.readBytesSync(absOf(ctx, f));
      stdout += typeof data === "string" ? data : decoder.decode(data);
    } catch (e) {
      const code = e instanceof ErrnoError ? e.code : "EIO";
      stderr += `cat: ${f}: ${STRERROR[code]}\n`;
    }
  }
  if (options.length > 0 && ctx.builtin) {
    // formatting is the library's; only the files that could be read are handed on
    const readable = files.filter((f) => f === "-" || !stderr.includes(`cat: ${f}: `));
    if (readable.length > 0 || files.length === 0) {
      const r = await ctx.builtin([...options, ...readable]);
      return { stdout: r.stdout ?? "", stderr: stderr + (r.stderr ?? ""), exitCode: stderr ? 1 : r.exitCode };
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

export const catCommand: UserCommand = { name: "cat", run: cat };
