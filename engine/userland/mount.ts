/**
 * mount / umount (util-linux): with no arguments `mount` prints the caller's mount table (its mount namespace,
 * so inside a container its own overlay root), one `source on target type fstype (options)` line each, as
 * /proc/self/mountinfo lists them. `mount --bind a b`, `mount -t tmpfs x dir` and `umount dir` go through the
 * mount/umount2 syscalls (CAP_SYS_ADMIN).
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { listMounts, formatMountLine } from "../fs/mounts.js";
import { bindMount, unmount, mountTree } from "../fs/namespace.js";
import { allocInode } from "../fs/inode.js";
import { readClock } from "../kernel/clock.js";
import { STRERROR } from "../kernel/errno.js";

function mount(args: string[], ctx: CommandContext): CommandResult {
  const mntns = ctx.task.ns.mnt;
  const abs = (p: string): string => (p.startsWith("/") ? p : `${ctx.cwd === "/" ? "" : ctx.cwd}/${p}`);
  const rest = args.filter((a, i) => !a.startsWith("-") && args[i - 1] !== "-t" && args[i - 1] !== "-o");
  if (rest.length === 0 && args.some((a) => a === "--bind" || a === "-B" || a === "--rbind" || a === "-o")) {
    return { stderr: "mount: bad usage\nTry 'mount --help' for more information.\n", exitCode: 1 };
  }
  if (rest.length === 0) {
    const typeIdx = args.indexOf("-t");
    const only = typeIdx >= 0 ? args[typeIdx + 1] : undefined;
    const lines = listMounts(ctx.host, mntns).filter((m) => !only || m.fstype === only).map(formatMountLine);
    return { stdout: lines.length ? lines.join("\n") + "\n" : "", exitCode: 0 };
  }
  if (ctx.task.cred.uid !== 0) return { stderr: "mount: only root can do that\n", exitCode: 1 };
  const bind = args.includes("--bind") || args.includes("-B") || args.includes("-o") && args[args.indexOf("-o") + 1]?.includes("bind");
  const typeIdx = args.indexOf("-t");
  const fstype = typeIdx >= 0 ? args[typeIdx + 1] : undefined;
  const positional = args.filter((a, i) => !a.startsWith("-") && args[i - 1] !== "-t" && args[i - 1] !== "-o");
  if (positional.length < 2) return { stderr: `mount: can't find ${positional[0]} in /etc/fstab\n`, exitCode: 1 };
  const [src, target] = positional;
  const r = ctx.fs.sys("mount", [0, 0, 0, bind ? 4096 : 0, 0], () => {
    if (bind) bindMount(ctx.host, mntns, { source: abs(src), target: abs(target) });
    else {
      const root = allocInode(ctx.host.inodes, { type: "dir", mode: 0o1777, uid: 0, gid: 0, label: "system_u:object_r:tmpfs_t:s0", timeMs: readClock(ctx.host.clock, ctx.host.edge.timeSource) });
      mountTree(ctx.host, mntns, abs(target), root.ino, fstype ?? "tmpfs", src, ["rw", "relatime", "seclabel"]);
    }
  });
  if (!r.ok) return { stderr: `mount: ${abs(target)}: ${r.errno === "EPERM" ? "permission denied" : STRERROR[r.errno].toLowerCase()}.\n`, exitCode: 32 };
  return { exitCode: 0 };
}
export const mountCommand: UserCommand = { name: "mount", run: mount };

function umount(args: string[], ctx: CommandContext): CommandResult {
  const targets = args.filter((a) => !a.startsWith("-"));
  const abs = (p: string): string => (p.startsWith("/") ? p : `${ctx.cwd === "/" ? "" : ctx.cwd}/${p}`);
  let stderr = "";
  let exitCode = 0;
  for (const t of targets) {
    const r = ctx.fs.sys("umount2", [0, 0], () => unmount(ctx.host, ctx.task.ns.mnt, abs(t)));
    if (!r.ok) {
      stderr += r.errno === "EINVAL" ? `umount: ${abs(t)}: not mounted\n` : r.errno === "EBUSY" ? `umount: ${abs(t)}: target is busy.\n` : `umount: ${abs(t)}: ${STRERROR[r.errno]}\n`;
      exitCode = 32;
    }
  }
  return { stderr, exitCode };
}
export const umountCommand: UserCommand = { name: "umount", run: umount };
