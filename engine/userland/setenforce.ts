/**
 * setenforce (libselinux utils/setenforce.c): switches SELinux between enforcing (1) and permissive (0) until the
 * next boot by writing /sys/fs/selinux/enforce. Root only (`setenforce:  setenforce() failed` otherwise); inside
 * a container selinuxfs is masked, so it says `setenforce: SELinux is disabled`. Permissive still logs every
 * denial (`permissive=1`) but lets the call through.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { selinuxfsVisible, setEnforcing } from "../kernel/avc.js";
import { ErrnoError } from "../kernel/errno.js";

const USAGE = "usage:  setenforce [ Enforcing | Permissive | 1 | 0 ]\n";

function setenforce(args: string[], ctx: CommandContext): CommandResult {
  if (args.length !== 1) return { stderr: USAGE, exitCode: 1 };
  const word = args[0]!.toLowerCase();
  const mode = word === "1" || word === "enforcing" ? true : word === "0" || word === "permissive" ? false : undefined;
  if (mode === undefined) return { stderr: USAGE, exitCode: 1 };
  if (!selinuxfsVisible(ctx.task)) return { stderr: "setenforce: SELinux is disabled\n", exitCode: 1 };
  // the write to /sys/fs/selinux/enforce, through the syscall gate (seccomp sees a write)
  const r = ctx.fs.sys("write", [3, 0, 1], () => {
    const err = setEnforcing(ctx.host, ctx.task, mode);
    if (err) throw new ErrnoError(err, "write", "/sys/fs/selinux/enforce");
  });
  if (!r.ok) return { stderr: "setenforce:  setenforce() failed\n", exitCode: 1 };
  return { exitCode: 0 };
}

export const setenforceCommand: UserCommand = { name: "setenforce", run: setenforce };
