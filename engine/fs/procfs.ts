/**
 * procfs (proc(5)): files generated from kernel state every time they are read. Each mount of proc belongs to a
 * pid namespace and lists only the tasks visible in it, numbered as that namespace numbers them — which is why
 * `ps` inside a container sees its entrypoint as pid 1 and nothing of the host. Nothing here is stored; a
 * snapshot of the host needs no procfs state.
 */
import type { Host } from "../host.js";
import type { Vnode, Stat } from "./vfs.js";
import type { FileType } from "./inode.js";
import { ErrnoError } from "../kernel/errno.js";
import { type Task, listTasks, findTaskInNs, pidIn, commName } from "../kernel/tasks.js";
import { NS_TYPES, type NsType, nsLinkText, procNsNames, hasTimeNamespaces, INIT_TIME_NS } from "../kernel/namespaces.js";
import { procCgroupLines } from "../kernel/cgroups.js";
import { capMask } from "../kernel/credentials.js";
import { readClock, uptimeSeconds } from "../kernel/clock.js";
import { listMounts, formatProcMountsLine, mountAt } from "./mounts.js";

/** One generated entry. */
interface ProcEntry {
  type: FileType;
  mode: number;
  uid?: number;
  read?: () => string;
  target?: () => string;
  list?: () => string[];
  /** start time of the task it belongs to (file times) */
  timeMs?: number;
}

const TOP_FILES = ["cmdline", "cpuinfo", "loadavg", "meminfo", "mounts", "self", "uptime", "version"];
const PID_FILES = ["attr", "cgroup", "cmdline", "comm", "cwd", "mounts", "ns", "root", "stat", "status"];

function pidnsOf(v: Vnode): number {
  const r = v.mount.root;
  return r.kind === "proc" ? r.pidns : 0;
}

/** The entry at `parts` below the proc mount of `v`, or null. */
function entry(host: Host, v: Vnode, parts: string[]): ProcEntry | null {
  const pidns = pidnsOf(v);
  if (parts.length === 0) {
    return {
      type: "dir", mode: 0o555,
      list: () => [...listTasks(host, pidns).map((t) => String(pidIn(host, t, pidns))), ...TOP_FILES],
    };
  }
  const [first, ...rest] = parts;
  if (/^\d+$/.test(first)) {
    const task = findTaskInNs(host, pidns, Number(first));
    return task ? pidEntry(host, v, task, rest) : null;
  }
  if (rest.length > 0) return null;
  const file = (read: () => string): ProcEntry => ({ type: "file", mode: 0o444, read });
  switch (first) {
    case "self": {
      const self = v.proc?.self ?? 0;
      const t = host.tasks.byPid[self];
      return { type: "symlink", mode: 0o777, target: () => String(t ? pidIn(host, t, pidns) : self) };
    }
    case "mounts": return file(() => listMounts(host, v.mntns).map((m) => formatProcMountsLine(m) + "\n").join(""));
    case "uptime": return file(() => `${uptimeSeconds(host.clock).toFixed(2)} ${(uptimeSeconds(host.clock) * 1.9 * host.profile.cpus / 2).toFixed(2)}\n`);
    case "version": return file(() => `Linux version ${host.profile.kernelRelease} (mockbuild@x86-vm-26.build.eng.bos.redhat.com) (gcc version 4.8.5 20150623 (Red Hat 4.8.5-39) (GCC) ) ${host.profile.kernelVersion}\n`);
    case "loadavg": return file(() => `0.00 0.01 0.05 1/${Object.keys(host.tasks.byPid).length} ${host.tasks.lastPid}\n`);
    case "cmdline": return file(() => `BOOT_IMAGE=/vmlinuz-${host.profile.kernelRelease} root=/dev/mapper/rhel-root ro crashkernel=auto rd.lvm.lv=rhel/root rhgb quiet\n`);
    case "meminfo": return file(() => meminfo(host));
    case "cpuinfo": return file(() => cpuinfo(host));
  }
  return null;
}

function pidEntry(host: Host, v: Vnode, task: Task, rest: string[]): ProcEntry | null {
  const pidns = pidnsOf(v);
  const own = { uid: task.cred.uid, timeMs: task.startMs };
  const file = (read: () => string): ProcEntry => ({ type: "file", mode: 0o444, read, ...own });
  if (rest.length === 0) return { type: "dir", mode: 0o555, list: () => PID_FILES, ...own };
  const [name, sub, ...more] = rest;
  if (more.length > 0) return null;
  if (name === "ns") {
    if (sub === undefined) return { type: "dir", mode: 0o511, list: () => procNsNames(host.profile.kernelRelease), ...own };
    if (sub === "pid_for_children" || sub === "time" || sub === "time_for_children") {
      if (!hasTimeNamespaces(host.profile.kernelRelease)) return null;
      return { type: "symlink", mode: 0o777, target: () => (sub === "pid_for_children" ? nsLinkText("pid", task.ns.pid) : `time:[${INIT_TIME_NS}]`), ...own };
    }
    if (!(NS_TYPES as readonly string[]).includes(sub)) return null;
    return { type: "symlink", mode: 0o777, target: () => nsLinkText(sub as NsType, task.ns[sub as NsType]), ...own };
  }
  if (name === "attr") {
    if (sub === undefined) return { type: "dir", mode: 0o555, list: () => ["current", "exec", "prev"], ...own };
    if (sub === "current" || sub === "prev") return { ...file(() => task.label + "\0"), mode: 0o666 };
    if (sub === "exec") return { ...file(() => ""), mode: 0o666 };
    return null;
  }
  if (sub !== undefined) return null;
  switch (name) {
    case "cmdline": return file(() => (task.kthread ? "" : task.argv.join("\0") + "\0"));
    case "comm": return file(() => commName(task) + "\n");
    case "cgroup": return file(() => procCgroupLines(host.cgroups, task.cgroup));
    case "mounts": return file(() => listMounts(host, task.ns.mnt).map((m) => formatProcMountsLine(m) + "\n").join(""));
    case "status": return file(() => status(host, task, pidns));
    case "stat": return file(() => statLine(host, task, pidns));
    case "cwd": return { type: "symlink", mode: 0o777, target: () => task.cwd, ...own };
    case "root": return { type: "symlink", mode: 0o777, target: () => "/", ...own };
  }
  return null;
}

function status(host: Host, t: Task, pidns: number): string {
  const pid = pidIn(host, t, pidns);
  const parent = host.tasks.byPid[t.ppid];
  const ppid = parent && (pidns === host.namespaces.init.pid || parent.ns.pid === pidns) ? pidIn(host, parent, pidns) : 0;
  const states: Record<Task["state"], string> = { R: "R (running)", S: "S (sleeping)", D: "D (disk sleep)", Z: "Z (zombie)", T: "T (stopped)" };
  const ids = (n: number): string => `${n}\t${n}\t${n}\t${n}`;
  const lines = [
    `Name:\t${commName(t)}`, "Umask:\t0022", `State:\t${states[t.state]}`, `Tgid:\t${pid}`, "Ngid:\t0", `Pid:\t${pid}`,
    `PPid:\t${ppid}`, "TracerPid:\t0", `Uid:\t${ids(t.cred.uid)}`, `Gid:\t${ids(t.cred.gid)}`, "FDSize:\t64",
    `Groups:\t${t.cred.groups.join(" ")} `,
  ];
  if (host.profile.cgroupVersion === 2) {
    lines.push(`NStgid:\t${t.vpid ? `${t.pid}\t${t.vpid}` : t.pid}`, `NSpid:\t${t.vpid ? `${t.pid}\t${t.vpid}` : t.pid}`);
  }
  lines.push(
    `VmSize:\t${String(t.vszKiB).padStart(8)} kB`, `VmRSS:\t${String(t.rssKiB).padStart(8)} kB`, "Threads:\t1",
    "CapInh:\t0000000000000000", `CapPrm:\t${capMask(t.cred.caps)}`, `CapEff:\t${capMask(t.cred.caps)}`,
    `CapBnd:\t${capMask(t.cred.caps)}`, `Seccomp:\t${t.seccomp ? 2 : 0}`,
  );
  return lines.join("\n") + "\n";
}

function statLine(host: Host, t: Task, pidns: number): string {
  const startTicks = Math.round((t.startMs - host.clock.bootMs) / 10);
  return `${pidIn(host, t, pidns)} (${commName(t)}) ${t.state} ${t.ppid} ${t.pid} ${t.pid} 0 -1 4202752 0 0 0 0 0 0 0 0 20 0 1 0 ${startTicks} ${t.vszKiB * 1024} ${Math.round(t.rssKiB / 4)}\n`;
}

function meminfo(host: Host): string {
  const total = host.profile.memTotalKiB;
  const free = Math.round(total * 0.41);
  const row = (k: string, v: number): string => `${(k + ":").padEnd(16)}${String(v).padStart(8)} kB`;
  return [row("MemTotal", total), row("MemFree", free), row("MemAvailable", Math.round(total * 0.62)), row("Buffers", 2108), row("Cached", Math.round(total * 0.2)), row("SwapCached", 0), row("SwapTotal", 2097148), row("SwapFree", 2097148)].join("\n") + "\n";
}

function cpuinfo(host: Host): string {
  const out: string[] = [];
  for (let i = 0; i < host.profile.cpus; i++) {
    out.push(`processor\t: ${i}\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 85\nmodel name\t: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz\ncpu MHz\t\t: 2499.998\ncache size\t: 36608 KB\n`);
  }
  return out.join("\n");
}

/**
 * The pid namespace whose processes `task` sees through /proc: that of the proc mounted at /proc in its mount
 * namespace, not its own pid namespace. So `unshare -p -f ps` without --mount-proc, or `nsenter -p` without -m,
 * still lists the host's processes (ps reads /proc), as on a real host. Without a proc mount, its own.
 */
export function procPidNs(host: Host, task: Task): number {
  const m = mountAt(host, task.ns.mnt, "/proc");
  return m && m.root.kind === "proc" ? m.root.pidns : task.ns.pid;
}

/** Whether `parts` names an entry. */
export function procLookup(host: Host, dir: Vnode, parts: string[]): boolean {
  return entry(host, dir, parts) !== null;
}

function mustEntry(host: Host, v: Vnode, syscall: string): ProcEntry {
  const e = entry(host, v, v.proc!.parts);
  if (!e) throw new ErrnoError("ENOENT", syscall, v.path);
  return e;
}

/** stat of a proc entry: inode numbers are stable per path, times are the owning task's start (or boot). */
export function procStat(host: Host, v: Vnode): Stat {
  const e = mustEntry(host, v, "stat");
  const t = e.timeMs ?? readClock(host.clock, host.edge.timeSource);
  return {
    ino: procIno(v.proc!.parts), type: e.type, mode: e.mode, nlink: e.type === "dir" ? 2 : 1, uid: e.uid ?? 0, gid: e.uid ?? 0,
    size: 0, blocks: 0, atimeMs: t, mtimeMs: t, ctimeMs: t, label: procLabel(host, v),
  };
}

/** A task's proc files carry the task's own label (that is how `ls -Z /proc/<pid>` shows a process context). */
function procLabel(host: Host, v: Vnode): string {
  const first = v.proc!.parts[0];
  if (first && /^\d+$/.test(first)) return findTaskInNs(host, pidnsOf(v), Number(first))?.label ?? "system_u:object_r:proc_t:s0";
  return v.mount.context ?? "system_u:object_r:proc_t:s0";
}

function procIno(parts: string[]): number {
  let h = 4026531841;
  for (const c of parts.join("/")) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return parts.length === 0 ? 1 : (h % 900000) + 10000;
}

/** Contents of a proc file. */
export function procRead(host: Host, v: Vnode): string {
  const e = mustEntry(host, v, "open");
  if (!e.read) throw new ErrnoError("EISDIR", "read", v.path);
  return e.read();
}

/** Names in a proc directory. */
export function procReaddir(host: Host, v: Vnode): string[] {
  const e = mustEntry(host, v, "scandir");
  return e.list ? e.list() : [];
}

/** Target of a proc symlink. */
export function procReadlink(host: Host, v: Vnode): string {
  const e = mustEntry(host, v, "readlink");
  if (!e.target) throw new ErrnoError("EINVAL", "readlink", v.path);
  return e.target();
}
