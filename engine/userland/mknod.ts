/**
 * mknod (coreutils src/mknod.c): makes a special file — `mknod [-m MODE] NAME b|c|u MAJOR MINOR` for a block or
 * character device, `mknod NAME p` for a FIFO. mknod(2) of a device needs CAP_MKNOD (kernel/capabilities.ts), so
 * in a podman 4 container (whose default set lacks it) `mknod /tmp/null c 1 3` prints
 * `mknod: /tmp/null: Operation not permitted`; a FIFO needs nothing.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { STRERROR } from "../kernel/errno.js";
import { AT_FDCWD } from "../kernel/syscalls.js";
import { sysCreate } from "../fs/file-ops.js";
import type { FileType } from "../fs/inode.js";

const absOf = (ctx: CommandContext, p: string): string => (p.startsWith("/") ? p : `${ctx.cwd === "/" ? "" : ctx.cwd}/${p}`);
/** st_mode type bits of each kind (include/uapi/linux/stat.h). */
const TYPE_BITS: Record<string, [FileType, number]> = { b: ["blk", 0o060000], c: ["chr", 0o020000], u: ["chr", 0o020000], p: ["fifo", 0o010000] };
const TRY = "Try 'mknod --help' for more information.\n";

function mknod(args: string[], ctx: CommandContext): CommandResult {
  let mode = 0o666 & ~ctx.fs.umask;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-m" || a === "--mode") mode = parseInt(args[++i] ?? "", 8);
    else if (a.startsWith("--mode=")) mode = parseInt(a.slice(7), 8);
    else words.push(a);
  }
  if (Number.isNaN(mode)) return { stderr: "mknod: invalid mode\n", exitCode: 1 };
  const [name, kind, major, minor] = words;
  if (name === undefined) return { stderr: `mknod: missing operand\n${TRY}`, exitCode: 1 };
  if (kind === undefined) return { stderr: `mknod: missing operand after '${name}'\n${TRY}`, exitCode: 1 };
  const type = TYPE_BITS[kind];
  if (!type) return { stderr: `mknod: invalid device type '${kind}'\n${TRY}`, exitCode: 1 };
  if (kind === "p" && major !== undefined) return { stderr: `mknod: extra operand '${major}'\nFifos do not have major and minor device numbers.\n${TRY}`, exitCode: 1 };
  if (kind !== "p" && (major === undefined || minor === undefined)) {
    return { stderr: `mknod: missing operand after '${major ?? kind}'\nSpecial files require major and minor device numbers.\n${TRY}`, exitCode: 1 };
  }
  const path = absOf(ctx, name);
  const rdev: [number, number] | undefined = kind === "p" ? undefined : [Number(major), Number(minor)];
  const r = ctx.fs.sys("mknodat", [AT_FDCWD, 0, type[1] | mode, 0], (c) => sysCreate(ctx.host, c, path, { type: type[0], mode, ...(rdev ? { rdev } : {}) }), path);
  if (!r.ok) return { stderr: `mknod: ${name}: ${STRERROR[r.errno]}\n`, exitCode: 1 };
  return { exitCode: 0 };
}

export const mknodCommand: UserCommand = { name: "mknod", run: mknod };
