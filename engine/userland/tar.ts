/**
 * tar (GNU tar): the shell library's tar does the archiving; what this adds is GNU tar's default for the
 * superuser, `--same-permissions` (`-p`) on extraction: root unpacking an archive gets the modes it holds, so a
 * root file system unpacked from `podman export` keeps its executables executable (tar(1): "default for
 * superuser"). Others get the modes less their umask, as the library does anyway.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";

/** Whether the arguments ask to extract (-x, --extract, --get, or old-style `xf`). */
function extracts(args: string[]): boolean {
  const first = args[0] ?? "";
  if (/^[A-Za-z]+$/.test(first) && first.includes("x")) return true;
  return args.some((a) => a === "--extract" || a === "--get" || (/^-[A-Za-z]+$/.test(a) && a.includes("x")));
}

async function tar(args: string[], ctx: CommandContext): Promise<CommandResult> {
  if (!ctx.builtin) return { stderr: "tar: not available\n", exitCode: 127 };
  const asRoot = ctx.task.cred.uid === 0;
  const already = args.some((a) => a === "-p" || a === "--preserve-permissions" || a === "--same-permissions" || a === "--preserve" || a === "--no-same-permissions");
  return ctx.builtin(asRoot && !already && extracts(args) ? ["-p", ...args] : args);
}

export const tarCommand: UserCommand = { name: "tar", run: tar };
