/**
 * dd (GNU coreutils): copies `count` blocks of `bs` bytes from `if=` to `of=` and reports on stderr, e.g.
 *   1+0 records in
 *   1+0 records out
 *   209715200 bytes (210 MB, 200 MiB) copied, 0.0998 s, 2.1 GB/s
 * (coreutils 8.22 on RHEL 7 prints only the SI size: `(210 MB)`). dd mallocs one buffer of `bs` bytes (ibs) and
 * fills it, so `dd if=/dev/zero of=/dev/null bs=200M` needs 200 MiB of memory at once: over the container's
 * memory.max the OOM killer ends it (engine/userland/memory-hog.ts). Data from /dev/zero is never really made;
 * a regular output file gets its bytes only up to `MAX_REAL_BYTES` (the simulated disk is memory), past which dd
 * reports ENOSPC.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { STRERROR, ErrnoError } from "../kernel/errno.js";
import { isDevZero, releaseMemory, touchMemory } from "./memory-hog.js";

/** The copy rate the simulated disk and memory run at, bytes per second. */
const BYTES_PER_SECOND = 2.1e9;
/** Bytes dd really writes into a regular file before the simulated disk is "full". */
const MAX_REAL_BYTES = 16 * 1024 * 1024;

const SUFFIX: Record<string, number> = {
  c: 1, w: 2, b: 512, kB: 1000, K: 1024, KiB: 1024, MB: 1e6, M: 1024 ** 2, MiB: 1024 ** 2, GB: 1e9, G: 1024 ** 3, GiB: 1024 ** 3,
};

/** dd's number syntax: 4096, 1M, 2kB, 3x512. */
function parseSize(text: string): number | undefined {
  let total = 1;
  for (const part of text.split("x")) {
    const m = /^(\d+)([A-Za-z]*)$/.exec(part);
    if (!m) return undefined;
    const mul = m[2] ? SUFFIX[m[2]] : 1;
    if (mul === undefined) return undefined;
    total *= Number(m[1]) * mul;
  }
  return total;
}

/** human_readable rounded to nearest (dd's human_round_to_nearest): one decimal under 10, else whole units (67 MB, 200 MiB, 1.0 MB). */
function human(bytes: number, base: 1000 | 1024): string {
  const units = base === 1000 ? ["kB", "MB", "GB", "TB"] : ["KiB", "MiB", "GiB", "TiB"];
  let v = bytes;
  let u = -1;
  while (v >= base && u < units.length - 1) { v /= base; u++; }
  if (u < 0) return `${bytes} B`;
  const text = v < 10 ? (Math.round(v * 10) / 10).toFixed(1) : String(Math.round(v));
  return `${text} ${units[u]}`;
}

function dd(args: string[], ctx: CommandContext): CommandResult {
  const op: Record<string, string> = {};
  for (const a of args) {
    const eq = a.indexOf("=");
    if (eq < 0) return { stderr: `dd: unrecognized operand '${a}'\nTry 'dd --help' for more information.\n`, exitCode: 1 };
    op[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const bs = parseSize(op.bs ?? op.ibs ?? "512");
  const countText = op.count;
  const count = countText === undefined ? Infinity : parseSize(countText);
  if (bs === undefined || bs === 0) return { stderr: `dd: invalid number: '${op.bs ?? op.ibs}'\n`, exitCode: 1 };
  if (count === undefined) return { stderr: `dd: invalid number: '${countText}'\n`, exitCode: 1 };
  const abs = (p: string) => (p.startsWith("/") ? p : `${ctx.cwd.replace(/\/$/, "")}/${p}`);
  const input = op.if;
  const output = op.of;
  // the one buffer dd mallocs and fills
  const mem = touchMemory(ctx, bs);
  if (!mem.ok && "killed" in mem) return { exitCode: 137 };
  if (!mem.ok) return { stderr: `dd: memory exhausted by input buffer of size ${bs} bytes (${human(bs, 1024)})\n`, exitCode: 1 };
  try {
    let data: Uint8Array | string = "";
    let records = count;
    if (input !== undefined && !isDevZero(ctx, abs(input))) {
      try {
        data = ctx.fs.readBytesSync(abs(input));
      } catch (e) {
        const code = e instanceof ErrnoError ? e.code : "EIO";
        return { stderr: `dd: failed to open '${input}': ${STRERROR[code]}\n`, exitCode: 1 };
      }
      const len = typeof data === "string" ? new TextEncoder().encode(data).length : data.length;
      records = Math.min(count, Math.ceil(len / bs));
    } else if (input === undefined) {
      const len = new TextEncoder().encode(ctx.stdin).length;
      records = Math.min(count, Math.ceil(len / bs));
    }
    if (records === Infinity) {
      // an endless input into an endless output: the simulated disk is memory, so the copy stops here
      return { stderr: "dd: simulated host: an endless copy needs count=\n", exitCode: 1 };
    }
    const bytes = records * bs;
    let stdout = "";
    if (output !== undefined && output !== "/dev/null") {
      if (bytes > MAX_REAL_BYTES) return { stderr: `dd: error writing '${output}': ${STRERROR.ENOSPC}\n`, exitCode: 1 };
      const body = input !== undefined && isDevZero(ctx, abs(input)) ? new Uint8Array(bytes) : data;
      try {
        ctx.fs.writeFileSync(abs(output), body);
      } catch (e) {
        const code = e instanceof ErrnoError ? e.code : "EIO";
        return { stderr: `dd: failed to open '${output}': ${STRERROR[code]}\n`, exitCode: 1 };
      }
    } else if (output === undefined && typeof data === "string") stdout = data;
    const secs = bytes / BYTES_PER_SECOND + 0.0004;
    const modern = ctx.host.profile.coreutilsQuoting === "modern";
    const size = modern ? `${human(bytes, 1000)}, ${human(bytes, 1024)}` : human(bytes, 1000);
    const rate = `${human(Math.round(bytes / secs), 1000).replace(/ (\w+)$/, " $1")}/s`;
    const stats = op.status === "none" ? "" : `${records}+0 records in\n${records}+0 records out\n${bytes} bytes${bytes >= 1000 ? ` (${size})` : ""} copied, ${secs.toPrecision(3)} s, ${rate}\n`;
    return { stdout, stderr: stats, exitCode: 0 };
  } finally {
    releaseMemory(ctx, bs);
  }
}

export const ddCommand: UserCommand = { name: "dd", run: dd };
