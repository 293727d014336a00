/**
 * ps (procps-ng): a snapshot of the process table as /proc of the caller's pid namespace shows it — so inside a
 * container only its own processes appear, its entrypoint as pid 1. Supports the forms labs use: `ps`, `-e`/`-A`,
 * `-f`, `-F`-less `-l`-less full format, `-Z` (LABEL column), `-o field,…` (with `field=Header`), `-p pid,…`,
 * `-u user`, `-C name`, `--no-headers`, and BSD `aux`/`auxZ`. Column layout in engine/userland/columns.ts.
 */
import type { UserCommand, CommandContext } from "./command.js";
import type { Host } from "../host.js";
import { type Task, listTasks, pidIn } from "../kernel/tasks.js";
import { procPidNs } from "../fs/procfs.js";
import { readClock } from "../kernel/clock.js";
import { userName } from "../shell/prompt.js";
import { type Cell, layoutRow } from "./columns.js";
import { psStime, psEtime, psCpuTime } from "./time-format.js";

/** A column procps knows: header, width, side, value. */
interface Field {
  header: string;
  width: number;
  right: boolean;
  value: (t: Task, v: View) => string;
}

interface View {
  host: Host;
  pidns: number;
  now: number;
  /** all visible tasks by pid (initial numbering) */
  visible: Map<number, Task>;
}

const cpuSeconds = (t: Task, v: View): number => ((v.now - t.startMs) / 1000) * (t.cpuPercent / 100);
const ppidOf = (t: Task, v: View): string => {
  const parent = v.host.tasks.byPid[t.ppid];
  if (!parent || !v.visible.has(parent.pid)) return "0";
  return String(pidIn(v.host, parent, v.pidns));
};
/** argv joined; cached per argv array (conmon's command line is a kilobyte, and ps prints it for every container) */
const cmd = (t: Task, v: View): string => {
  let cache = v.host.caches.get("ps.cmdline") as WeakMap<string[], string> | undefined;
  if (!cache) v.host.caches.set("ps.cmdline", (cache = new WeakMap()));
  let line = cache.get(t.argv);
  if (line === undefined) cache.set(t.argv, (line = t.argv.join(" ")));
  return line;
};
const memPct = (t: Task, v: View): string => ((t.rssKiB / v.host.profile.memTotalKiB) * 100).toFixed(1);

const FIELDS: Record<string, Field> = {
  label: { header: "LABEL", width: 31, right: false, value: (t) => t.label },
  uid: { header: "UID", width: 5, right: true, value: (t) => String(t.cred.uid) },
  user: { header: "USER", width: 8, right: false, value: (t, v) => userName(v.host, t.cred.uid) },
  ruser: { header: "RUSER", width: 8, right: false, value: (t, v) => userName(v.host, t.cred.uid) },
  pid: { header: "PID", width: 5, right: true, value: (t, v) => String(pidIn(v.host, t, v.pidns)) },
  ppid: { header: "PPID", width: 5, right: true, value: ppidOf },
  c: { header: "C", width: 2, right: true, value: (t) => String(Math.min(99, Math.floor(t.cpuPercent))).padStart(2) },
  stime: { header: "STIME", width: 5, right: false, value: (t, v) => psStime(t.startMs, v.now) },
  start: { header: "STARTED", width: 8, right: true, value: (t, v) => psStime(t.startMs, v.now) },
  tty: { header: "TT", width: 8, right: false, value: (t) => t.tty },
  bsdstart: { header: "START", width: 5, right: false, value: (t, v) => psStime(t.startMs, v.now) },
  bsdtime: { header: "TIME", width: 6, right: true, value: (t, v) => { const c = Math.floor(cpuSeconds(t, v)); return `${Math.floor(c / 60)}:${String(c % 60).padStart(2, "0")}`; } },
  time: { header: "TIME", width: 8, right: true, value: (t, v) => psCpuTime(cpuSeconds(t, v)) },
  etime: { header: "ELAPSED", width: 11, right: true, value: (t, v) => psEtime(v.now - t.startMs) },
  cmd: { header: "CMD", width: 27, right: false, value: cmd },
  args: { header: "COMMAND", width: 27, right: false, value: cmd },
  comm: { header: "COMMAND", width: 15, right: false, value: (t) => (t.kthread ? t.argv[0].slice(1, -1) : (t.argv[0] ?? "").split("/").pop()!.replace(/^-/, "")) },
  stat: { header: "STAT", width: 4, right: false, value: (t) => t.state + (t.vpid === 1 || t.pid === 1 ? "s" : "") + (t.tty !== "?" && t.argv[0]?.includes("bash") ? "+" : "") },
  pcpu: { header: "%CPU", width: 4, right: true, value: (t) => t.cpuPercent.toFixed(1) },
  pmem: { header: "%MEM", width: 4, right: true, value: memPct },
  rss: { header: "RSS", width: 5, right: true, value: (t) => String(t.rssKiB) },
  vsz: { header: "VSZ", width: 6, right: true, value: (t) => String(t.vszKiB) },
  ni: { header: "NI", width: 3, right: true, value: () => "0" },
  nlwp: { header: "NLWP", width: 4, right: true, value: () => "1" },
  pidns: { header: "PIDNS", width: 10, right: true, value: (t) => String(t.ns.pid) },
  mntns: { header: "MNTNS", width: 10, right: true, value: (t) => String(t.ns.mnt) },
  utsns: { header: "UTSNS", width: 10, right: true, value: (t) => String(t.ns.uts) },
  cgroup: { header: "CGROUP", width: 27, right: false, value: (t, v) => (v.host.cgroups.version === 2 ? `0::${t.cgroup}` : `1:name=systemd:${t.cgroup}`) },
};
const ALIASES: Record<string, string> = {
  context: "label", command: "args", "%cpu": "pcpu", "%mem": "pmem", tname: "tty", tt: "tty", lstart: "start",
  cputime: "time", euser: "user", uname: "user", euid: "uid", vsize: "vsz", rssize: "rss", ucmd: "comm", ucomm: "comm",
};

interface Options {
  all: boolean;
  full: boolean;
  label: boolean;
  bsd: string | null;
  fields: Array<{ key: string; header?: string }> | null;
  pids: number[] | null;
  users: string[] | null;
  names: string[] | null;
  headers: boolean;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = { all: false, full: false, label: false, bsd: null, fields: null, pids: null, users: null, names: null, headers: true };
  const list = (s: string): string[] => s.split(/[,\s]+/).filter(Boolean);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--no-headers" || a === "--no-heading") { o.headers = false; continue; }
    if (a.startsWith("--")) return `error: unknown gnu long option`;
    if (!a.startsWith("-")) {
      if (/^\d+$/.test(a)) { o.pids = [...(o.pids ?? []), Number(a)]; continue; }
      o.bsd = (o.bsd ?? "") + a;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      const rest = a.slice(j + 1);
      const value = (): string => {
        if (rest) return rest;
        i++;
        return args[i] ?? "";
      };
      if (f === "e" || f === "A") o.all = true;
      else if (f === "f" || f === "F") o.full = true;
      else if (f === "Z") o.label = true;
      else if (f === "l" || f === "w" || f === "H" || f === "a" || f === "x") continue;
      else if (f === "o") { o.fields = [...(o.fields ?? []), ...parseFields(value())]; break; }
      else if (f === "p" || f === "q") { o.pids = [...(o.pids ?? []), ...list(value()).map(Number)]; break; }
      else if (f === "u" || f === "U") { o.users = list(value()); break; }
      else if (f === "C") { o.names = list(value()); break; }
      else return `error: unsupported SysV option`;
    }
  }
  return o;
}

function parseFields(spec: string): Array<{ key: string; header?: string }> {
  const out: Array<{ key: string; header?: string }> = [];
  // `-o pid,comm=Name` : a header runs to the end of the spec
  const eq = spec.indexOf("=");
  const head = eq >= 0 ? spec.slice(0, eq) : spec;
  const keys = head.split(/[,\s]+/).filter(Boolean);
  keys.forEach((k, i) => {
    const key = ALIASES[k.toLowerCase()] ?? k.toLowerCase();
    out.push(i === keys.length - 1 && eq >= 0 ? { key, header: spec.slice(eq + 1) } : { key });
  });
  return out;
}

function usage(msg: string): { stderr: string; exitCode: number } {
  return { stderr: `${msg}\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`, exitCode: 1 };
}

/** Runs ps for `ctx.task`. */
function ps(args: string[], ctx: CommandContext) {
  const o = parseArgs(args);
  if (typeof o === "string") return usage(o);
  const host = ctx.host;
  // ps reads /proc: the processes of the pid namespace that /proc belongs to
  const pidns = procPidNs(host, ctx.task);
  const tasks = listTasks(host, pidns);
  const v: View = { host, pidns, now: readClock(host.clock, host.edge.timeSource), visible: new Map(tasks.map((t) => [t.pid, t])) };

  let keys: Array<{ key: string; header?: string }>;
  let selected: Task[];
  const bsd = o.bsd ?? "";
  if (o.fields) keys = o.fields;
  else if (bsd.includes("u")) keys = ["user", "pid", "pcpu", "pmem", "vsz", "rss", "tty", "stat", "bsdstart", "bsdtime", "args"].map((key) => ({ key }));
  else if (o.full) keys = ["uid", "pid", "ppid", "c", "stime", "tty", "time", "cmd"].map((key) => ({ key }));
  else keys = ["pid", "tty", "time", bsd ? "args" : "cmd"].map((key) => ({ key }));
  if (o.label || bsd.includes("Z")) keys = [{ key: "label" }, ...keys];
  for (const k of keys) if (!FIELDS[k.key]) return usage(`error: unknown user-defined format specifier "${k.key}"`);

  if (o.pids) selected = tasks.filter((t) => o.pids!.includes(pidIn(host, t, pidns)));
  else if (o.all || (bsd.includes("a") && bsd.includes("x"))) selected = tasks;
  else if (o.users) selected = tasks.filter((t) => o.users!.includes(userName(host, t.cred.uid)) || o.users!.includes(String(t.cred.uid)));
  else if (o.names) selected = tasks.filter((t) => o.names!.includes(FIELDS.comm.value(t, v)));
  else if (bsd.includes("x")) selected = tasks.filter((t) => t.cred.uid === ctx.task.cred.uid);
  else selected = tasks.filter((t) => t.tty === ctx.task.tty && t.cred.uid === ctx.task.cred.uid);

  // the predefined formats title the terminal column TTY; `-o tty` titles it TT
  const fields = keys.map((k) => ({ ...FIELDS[k.key], header: k.header ?? (k.key === "tty" && !o.fields ? "TTY" : FIELDS[k.key].header) }));
  // `ps -f` shows user names in the UID column
  if (o.full && !o.fields) keys.forEach((k, i) => { if (k.key === "uid") fields[i] = { ...FIELDS.user, header: "UID" }; });
  if (bsd.includes("u") && !o.fields) fields.forEach((f, i) => { if (keys[i].key === "tty") fields[i] = { ...f, width: 8 }; });
  const lines: string[] = [];
  const row = (texts: string[]): string => layoutRow(texts.map<Cell>((text, i) => ({ text, width: fields[i].width, right: fields[i].right })));
  if (o.headers && fields.some((f) => f.header !== "")) lines.push(row(fields.map((f) => f.header)));
  for (const t of selected) lines.push(row(fields.map((f) => f.value(t, v))));
  // procps exits 1 when nothing matched the selection
  return { stdout: lines.length > 0 ? lines.join("\n") + "\n" : "", exitCode: selected.length === 0 ? 1 : 0 };
}

export const psCommand: UserCommand = { name: "ps", run: ps };
