/**
 * The cgroup file system (Documentation/admin-guide/cgroup-v2.rst, cgroup-v1/*.rst): /sys/fs/cgroup generated
 * from the kernel's cgroup tree. A directory per group, interface files in each — `cgroup.procs` lists the pids in
 * the group, limits read back as written (`memory.max` "max" or bytes, `pids.max`, `cpu.max "quota period"`), and
 * writing one sets the limit. On cgroup v1 every controller hierarchy (memory, pids, cpu,cpuacct …) shows the same
 * tree with its own files, as systemd keeps them in step; on v2 there is one unified tree. Nothing is stored here.
 */
import type { Host } from "../host.js";
import type { Vnode, Stat } from "./vfs.js";
import { ErrnoError } from "../kernel/errno.js";
import { readClock } from "../kernel/clock.js";

const LABEL = "system_u:object_r:cgroup_t:s0";
const V1_NO_LIMIT = "9223372036854771712";

/** Interface files and their value when no limit is set, per hierarchy ("" = the v2 unified one). */
function interfaceFiles(host: Host, hierarchy: string, group: string): Record<string, () => string> {
  const tasks = (): number[] => Object.values(host.tasks.byPid).filter((t) => t.cgroup === group).map((t) => t.pid).sort((a, b) => a - b);
  const procs = (): string => tasks().map((p) => `${p}\n`).join("");
  const memBytes = (): string => String(Object.values(host.tasks.byPid).filter((t) => t.cgroup === group || t.cgroup.startsWith(group === "/" ? "/" : group + "/")).reduce((n, t) => n + t.rssKiB * 1024, 0));
  const root = group === "/";
  const ev = (name: string): number => host.cgroups.groups[group]?.events?.[name] ?? 0;
  if (hierarchy === "") {
    const files: Record<string, () => string> = {
      "cgroup.controllers": () => "cpuset cpu io memory hugetlb pids rdma misc\n",
      "cgroup.max.depth": () => "max\n", "cgroup.max.descendants": () => "max\n", "cgroup.procs": procs,
      "cgroup.stat": () => `nr_descendants ${descendants(host, group).length}\nnr_dying_descendants 0\n`,
      "cgroup.subtree_control": () => (children(host, group).length > 0 ? "cpuset cpu io memory pids\n" : "\n"),
      "cgroup.threads": procs, "cpu.stat": () => "usage_usec 0\nuser_usec 0\nsystem_usec 0\n", "io.stat": () => "",
      "memory.stat": () => `anon ${memBytes()}\nfile 0\n`,
    };
    if (root) return files;
    return {
      ...files,
      "cgroup.events": () => `populated ${tasks().length > 0 ? 1 : 0}\nfrozen 0\n`, "cgroup.freeze": () => "0\n", "cgroup.kill": () => "",
      "cgroup.type": () => "domain\n", "cpu.max": () => "max 100000\n", "cpu.weight": () => "100\n", "cpu.pressure": () => "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n",
      "io.max": () => "", "io.weight": () => "default 100\n", "io.pressure": () => "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n",
      "memory.current": () => memBytes() + "\n", "memory.events": () => `low 0\nhigh 0\nmax ${ev("max")}\noom ${ev("oom")}\noom_kill ${ev("oom_kill")}\n`, "memory.high": () => "max\n",
      "memory.low": () => "0\n", "memory.max": () => "max\n", "memory.min": () => "0\n", "memory.pressure": () => "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n",
      "memory.swap.current": () => "0\n", "memory.swap.max": () => "max\n", "pids.current": () => `${tasks().length}\n`, "pids.max": () => "max\n",
    };
  }
  const common: Record<string, () => string> = {
    "cgroup.clone_children": () => "0\n", "cgroup.procs": procs, "notify_on_release": () => "0\n", tasks: procs,
    ...(root ? { "cgroup.sane_behavior": () => "0\n", release_agent: () => "\n" } : {}),
  };
  const per: Record<string, Record<string, () => string>> = {
    memory: {
      "memory.limit_in_bytes": () => V1_NO_LIMIT + "\n", "memory.memsw.limit_in_bytes": () => V1_NO_LIMIT + "\n",
      "memory.soft_limit_in_bytes": () => V1_NO_LIMIT + "\n", "memory.usage_in_bytes": () => memBytes() + "\n",
      "memory.max_usage_in_bytes": () => memBytes() + "\n", "memory.failcnt": () => `${ev("max")}\n`, "memory.swappiness": () => "60\n",
      "memory.oom_control": () => "oom_kill_disable 0\nunder_oom 0\n", "memory.stat": () => `cache 0\nrss ${memBytes()}\n`,
    },
    pids: { "pids.current": () => `${tasks().length}\n`, "pids.max": () => "max\n" },
    "cpu,cpuacct": {
      "cpu.shares": () => "1024\n", "cpu.cfs_period_us": () => "100000\n", "cpu.cfs_quota_us": () => "-1\n", "cpu.rt_period_us": () => "1000000\n",
      "cpu.rt_runtime_us": () => "0\n", "cpu.stat": () => "nr_periods 0\nnr_throttled 0\nthrottled_time 0\n", "cpuacct.usage": () => "0\n",
      "cpuacct.stat": () => "user 0\nsystem 0\n",
    },
    cpuset: { "cpuset.cpus": () => `0-${host.profile.cpus - 1}\n`, "cpuset.mems": () => "0\n" },
    devices: { "devices.allow": () => "", "devices.deny": () => "", "devices.list": () => "a *:* rwm\n" },
    freezer: { "freezer.state": () => "THAWED\n" },
    blkio: { "blkio.weight": () => "500\n" },
    hugetlb: { "hugetlb.2MB.limit_in_bytes": () => V1_NO_LIMIT + "\n" },
  };
  return { ...common, ...(per[hierarchy] ?? {}) };
}

function children(host: Host, group: string): string[] {
  const prefix = group === "/" ? "/" : group + "/";
  return Object.keys(host.cgroups.groups).filter((p) => p !== group && p.startsWith(prefix) && !p.slice(prefix.length).includes("/")).map((p) => p.slice(prefix.length));
}

function descendants(host: Host, group: string): string[] {
  const prefix = group === "/" ? "/" : group + "/";
  return Object.keys(host.cgroups.groups).filter((p) => p !== group && p.startsWith(prefix));
}

function hierarchyOf(v: Vnode): string {
  return v.mount.root.kind === "cgroup" ? v.mount.root.hierarchy : "";
}

/** What `parts` below the mount names: a group directory or an interface file of one. */
function locate(host: Host, v: Vnode, parts: string[]): { group: string; file?: string } | null {
  let group = "/";
  for (let i = 0; i < parts.length; i++) {
    const next = group === "/" ? "/" + parts[i] : group + "/" + parts[i];
    if (host.cgroups.groups[next]) {
      group = next;
      continue;
    }
    if (i === parts.length - 1 && interfaceFiles(host, hierarchyOf(v), group)[parts[i]]) return { group, file: parts[i] };
    return null;
  }
  return { group };
}

/** Whether `parts` names an entry. */
export function cgLookup(host: Host, dir: Vnode, parts: string[]): boolean {
  return locate(host, dir, parts) !== null;
}

function must(host: Host, v: Vnode, syscall: string): { group: string; file?: string } {
  const l = locate(host, v, v.cg!.parts);
  if (!l) throw new ErrnoError("ENOENT", syscall, v.path);
  return l;
}

/** stat of a cgroup fs entry. */
export function cgStat(host: Host, v: Vnode): Stat {
  const l = must(host, v, "stat");
  const t = readClock(host.clock, host.edge.timeSource);
  const file = l.file !== undefined;
  const readOnly = file && /\.(current|stat|events|controllers)$|^cgroup\.(stat|controllers)$|usage/.test(l.file!);
  return {
    ino: inoOf(v.cg!.parts, hierarchyOf(v)), type: file ? "file" : "dir", mode: file ? (readOnly ? 0o444 : 0o644) : 0o755,
    nlink: file ? 1 : 2 + children(host, l.group).length, uid: 0, gid: 0, size: 0, blocks: 0,
    atimeMs: t, mtimeMs: t, ctimeMs: t, label: LABEL,
  };
}

function inoOf(parts: string[], hierarchy: string): number {
  let h = 2166136261;
  for (const c of hierarchy + "/" + parts.join("/")) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return 1000 + (h % 100000);
}

/** Names in a group directory: its child groups, then its interface files. */
export function cgReaddir(host: Host, v: Vnode): string[] {
  const l = must(host, v, "scandir");
  if (l.file) throw new ErrnoError("ENOTDIR", "scandir", v.path);
  return [...children(host, l.group), ...Object.keys(interfaceFiles(host, hierarchyOf(v), l.group)).sort()];
}

/** Contents of an interface file: the limit set on the group, else the kernel default. */
export function cgRead(host: Host, v: Vnode): string {
  const l = must(host, v, "open");
  if (!l.file) throw new ErrnoError("EISDIR", "read", v.path);
  const set = host.cgroups.groups[l.group]?.limits[l.file];
  if (set !== undefined) return set.endsWith("\n") ? set : set + "\n";
  return interfaceFiles(host, hierarchyOf(v), l.group)[l.file]();
}

/** A write to an interface file sets the limit (echo 100M > memory.max); writes elsewhere are refused. */
export function cgWrite(host: Host, v: Vnode, data: string): void {
  const l = must(host, v, "open");
  if (!l.file || l.file === "cgroup.procs" || l.file === "tasks" || l.group === "/") throw new ErrnoError("EINVAL", "write", v.path);
  // opening with O_TRUNC writes nothing: interface files ignore it
  const text = String(data).trim();
  if (text === "") return;
  const value = parseLimit(l.file, text);
  if (value === undefined) throw new ErrnoError("EINVAL", "write", v.path);
  host.cgroups.groups[l.group].limits[l.file] = value;
}

/** memparse(): 64M, 1G, 512k → bytes. */
function memparse(text: string): number | undefined {
  const m = /^(\d+)([kKmMgGtT]?)$/.exec(text);
  if (!m) return undefined;
  const shift = { "": 0, k: 10, m: 20, g: 30, t: 40 }[m[2]!.toLowerCase()]!;
  return Number(m[1]) * 2 ** shift;
}

/**
 * What the kernel stores for a write, as the file reads it back: memory limits in bytes rounded down to a page
 * (`echo 64M > memory.max` reads 67108864; v1 takes -1 for no limit), "max" or a count for pids.max, "quota period"
 * for cpu.max. Anything else it refuses with EINVAL, as the kernel does.
 */
function parseLimit(file: string, text: string): string | undefined {
  if (/^memory\.(max|high|low|min|swap\.max)$/.test(file)) {
    if (text === "max") return "max";
    const n = memparse(text);
    return n === undefined ? undefined : String(Math.floor(n / 4096) * 4096);
  }
  if (/^memory\.(limit_in_bytes|memsw\.limit_in_bytes|soft_limit_in_bytes)$/.test(file)) {
    if (text === "-1") return V1_NO_LIMIT;
    const n = memparse(text);
    return n === undefined ? undefined : String(Math.floor(n / 4096) * 4096);
  }
  if (file === "pids.max") return text === "max" || /^\d+$/.test(text) ? text : undefined;
  if (file === "cpu.max") {
    const m = /^(max|\d+)(?:\s+(\d+))?$/.exec(text);
    return m ? `${m[1]} ${m[2] ?? "100000"}` : undefined;
  }
  return text;
}

/** mkdir in the cgroup fs creates a child group. */
export function cgMkdir(host: Host, dir: Vnode, name: string): void {
  const l = must(host, dir, "mkdir");
  if (l.file) throw new ErrnoError("ENOTDIR", "mkdir", dir.path);
  const path = l.group === "/" ? "/" + name : l.group + "/" + name;
  if (host.cgroups.groups[path]) throw new ErrnoError("EEXIST", "mkdir", dir.path + "/" + name);
  host.cgroups.groups[path] = { path, limits: {} };
}
