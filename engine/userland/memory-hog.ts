/**
 * How a program that reads /dev/zero eats memory, for the commands that do (tail, dd): /dev/zero (char device 1,5)
 * never ends and has no newline, so `tail /dev/zero` keeps buffering "the last line" until the kernel stops it, and
 * `dd bs=200M` mallocs one 200 MiB buffer and fills it. The memory is a number charged to the task's cgroup through
 * an mmap(2) at the gate (engine/kernel/oom.ts); over `memory.max` the OOM killer ends the task with SIGKILL.
 */
import type { CommandContext } from "./command.js";
import { chargeMemory } from "../kernel/oom.js";
import { ErrnoError, type ErrnoName } from "../kernel/errno.js";

/** PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS: how malloc asks for a large block. */
const PROT_RW = 3;
const MAP_PRIVATE_ANON = 0x22;

/** Whether `path` is /dev/zero (the device, wherever it is linked). */
export function isDevZero(ctx: CommandContext, path: string): boolean {
  try {
    const st = ctx.fs.statSync(path);
    return st.type === "chr" && st.rdev?.[0] === 1 && st.rdev?.[1] === 5;
  } catch {
    return false;
  }
}

/** What an allocation came to: done, refused by the gate, or the task was OOM-killed. */
export type Allocation = { ok: true } | { ok: false; errno: ErrnoName } | { ok: false; killed: true };

/** The task maps and touches `bytes` of anonymous memory. */
export function touchMemory(ctx: CommandContext, bytes: number): Allocation {
  const r = ctx.fs.sys("mmap", [0, bytes, PROT_RW, MAP_PRIVATE_ANON, -1, 0], () => {
    // overcommit's heuristic (vm.overcommit_memory=0) refuses one mapping larger than RAM + swap outright
    if (bytes > ctx.host.profile.memTotalKiB * 1024) throw new ErrnoError("ENOMEM", "mmap", "");
    return chargeMemory(ctx.host, ctx.task, bytes);
  });
  if (!r.ok) return r.killed ? { ok: false, killed: true } : { ok: false, errno: r.errno };
  if (!r.value.ok) return { ok: false, killed: true };
  return { ok: true };
}

/** Gives memory back when the program frees it (or exits). */
export function releaseMemory(ctx: CommandContext, bytes: number): void {
  ctx.task.rssKiB = Math.max(1000, ctx.task.rssKiB - Math.ceil(bytes / 1024));
}
