/**
 * tail (GNU coreutils) where the shell library's own falls short: a file that never ends. `tail /dev/zero` looks
 * for the last ten lines of an endless stream without newlines, so it buffers everything it reads: its memory
 * grows until the OOM killer ends it (engine/userland/memory-hog.ts) — at the container's memory.max, or at the
 * machine's memory on the host. Every other use is the shell library's tail.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { isDevZero, touchMemory } from "./memory-hog.js";
import { STRERROR } from "../kernel/errno.js";

async function tail(args: string[], ctx: CommandContext): Promise<CommandResult> {
  const files = args.filter((a) => !a.startsWith("-"));
  const zero = files.find((f) => isDevZero(ctx, f.startsWith("/") ? f : `${ctx.cwd.replace(/\/$/, "")}/${f}`));
  if (zero === undefined) {
    if (ctx.builtin) return ctx.builtin(args);
    return { stderr: "tail: not available\n", exitCode: 1 };
  }
  // the buffer grows by reallocations until something stops it: the cgroup's limit, or at the latest the machine
  const r = touchMemory(ctx, ctx.host.profile.memTotalKiB * 1024);
  if (!r.ok && "errno" in r) return { stderr: `tail: memory exhausted\n`, exitCode: 1 };
  if (!r.ok) return { exitCode: 137 };
  return { stderr: `tail: ${zero}: ${STRERROR.ENOMEM}\n`, exitCode: 1 };
}

export const tailCommand: UserCommand = { name: "tail", run: tail };
