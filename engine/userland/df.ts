/**
 * df (coreutils) and free (procps): disk and memory as the host reports them. df lists the caller's mounts that
 * hold storage (xfs, tmpfs, devtmpfs, overlay — not proc, sysfs, cgroup, devpts …); an overlay `merged` dir and a
 * container's `/` report the file system their upper dir lives on, as overlayfs does. Sizes are the profile's
 * disk and memory; what is used grows with the inodes the host holds. `-h` prints 1024-based sizes.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { listMounts } from "../fs/mounts.js";
import { humanSize } from "./mode-string.js";

/** The root disk of the simulated host (an 17 GiB LVM volume, as a default RHEL install makes it). */
const ROOT_KIB = 17_811_456;
const BOOT_KIB = 1_038_336;
const PSEUDO = new Set(["proc", "sysfs", "cgroup", "cgroup2", "devpts", "mqueue", "selinuxfs", "securityfs", "debugfs", "hugetlbfs", "configfs", "pstore", "autofs"]);

function df(args: string[], ctx: CommandContext): CommandResult {
  const human = args.some((a) => /^-[a-zA-Z]*h/.test(a));
  const showType = args.some((a) => /^-[a-zA-Z]*T/.test(a));
  const mem = ctx.host.profile.memTotalKiB;
  const usedRoot = 1_398_112 + ctx.host.inodes.byIno.size * 4;
  const rows = listMounts(ctx.host, ctx.task.ns.mnt)
    .filter((m) => !PSEUDO.has(m.fstype) && !(m.fstype === "tmpfs" && m.options.includes("ro")))
    .map((m) => {
      const size = m.source === "/dev/sda1" ? BOOT_KIB : m.fstype === "devtmpfs" || m.fstype === "tmpfs" ? Math.round(mem / 2) : ROOT_KIB;
      const used = m.source === "/dev/sda1" ? 153_444 : m.fstype === "devtmpfs" || m.target.startsWith("/dev") ? 0 : m.fstype === "tmpfs" ? 8_784 : usedRoot;
      return { fs: m.source, type: m.fstype, size, used, avail: size - used, target: m.target };
    });
  // `df PATH…`: the mount each path lives on (the longest mount point that is a prefix of it)
  const paths = args.filter((a) => !a.startsWith("-")).map((p) => (p.startsWith("/") ? p : `${ctx.cwd === "/" ? "" : ctx.cwd}/${p}`));
  const shown = paths.length === 0 ? rows : paths.map((p) => rows.filter((r) => p === r.target || p.startsWith(r.target === "/" ? "/" : r.target + "/")).sort((a, b) => b.target.length - a.target.length)[0]).filter((r) => r !== undefined);
  const cell = (kib: number): string => (human ? (kib === 0 ? "0" : humanSize(kib * 1024)) : String(kib));
  const header = ["Filesystem", ...(showType ? ["Type"] : []), human ? "Size" : "1K-blocks", "Used", human ? "Avail" : "Available", "Use%", "Mounted on"];
  const table = shown.map((r) => [r.fs, ...(showType ? [r.type] : []), cell(r.size), cell(r.used), cell(r.avail), `${r.size ? Math.ceil((r.used / r.size) * 100) : 0}%`, r.target]);
  const all = [header, ...table];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const lines = all.map((row) => row.map((c, i) => (i === 0 || i === row.length - 1 || (showType && i === 1) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" ").trimEnd());
  return { stdout: lines.join("\n") + "\n", exitCode: 0 };
}
export const dfCommand: UserCommand = { name: "df", run: df };

function free(args: string[], ctx: CommandContext): CommandResult {
  const unit = args.includes("-m") ? 1024 : args.includes("-g") ? 1024 * 1024 : 1;
  const human = args.includes("-h");
  const total = ctx.host.profile.memTotalKiB;
  const free = Math.round(total * 0.41);
  const cache = Math.round(total * 0.2);
  const used = total - free - cache;
  const avail = Math.round(total * 0.62);
  const v = (kib: number): string => (human ? (kib === 0 ? "0B" : humanSize(kib * 1024).replace(/([KMGT])$/, "$1i")) : String(Math.floor(kib / unit)));
  const row = (name: string, cells: string[]): string => name.padEnd(7) + cells.map((c) => c.padStart(12)).join("");
  return {
    stdout: [
      "              total        used        free      shared  buff/cache   available",
      row("Mem:", [v(total), v(used), v(free), v(9_000), v(cache), v(avail)]),
      row("Swap:", [v(2_097_148), v(0), v(2_097_148)]),
    ].join("\n") + "\n",
    exitCode: 0,
  };
}
export const freeCommand: UserCommand = { name: "free", run: free };
