/**
 * lsns (util-linux): the namespaces in use, read from `/proc/<pid>/ns/*` of every process the caller can see.
 * One row per namespace, sorted by its inode number: NS, TYPE, NPROCS (processes in it), PID (the lowest pid
 * in it, as the caller's pid namespace numbers it), USER and COMMAND of that process. `-t TYPE` keeps one type,
 * `-p PID` the namespaces of one process, `-n` drops the header, `-o` picks columns, `-r` raw output. Inside a
 * container's pid namespace only the container's processes are seen, so only its namespaces are listed.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { NS_TYPES, hasTimeNamespaces, INIT_TIME_NS } from "../kernel/namespaces.js";
import { type Task, listTasks, pidIn, findTaskInNs, commandLine } from "../kernel/tasks.js";
import { userName } from "../shell/prompt.js";
import { procPidNs } from "../fs/procfs.js";

/** A kind lsns reports: the task's namespaces, plus the (always initial) time namespace on 5.6+ kernels. */
type Kind = (typeof NS_TYPES)[number] | "time";

interface Row {
  ns: number;
  type: Kind;
  procs: Task[];
  owner: Task;
}

type Column = "NS" | "TYPE" | "NPROCS" | "PID" | "PPID" | "USER" | "UID" | "COMMAND" | "PATH";
const COLUMNS: Column[] = ["NS", "TYPE", "NPROCS", "PID", "PPID", "USER", "UID", "COMMAND", "PATH"];
const RIGHT = new Set<Column>(["NS", "NPROCS", "PID", "PPID", "UID"]);
const DEFAULT: Column[] = ["NS", "TYPE", "NPROCS", "PID", "USER", "COMMAND"];

function usageError(msg: string): CommandResult {
  return { stderr: `lsns: ${msg}\nTry 'lsns --help' for more information.\n`, exitCode: 1 };
}

function lsns(args: string[], ctx: CommandContext): CommandResult {
  const host = ctx.host;
  let type: Kind | undefined;
  const kinds: Kind[] = hasTimeNamespaces(host.profile.kernelRelease) ? [...NS_TYPES, "time"] : [...NS_TYPES];
  const idOf = (t: Task, k: Kind): number => (k === "time" ? INIT_TIME_NS : t.ns[k]);
  let pidFilter: number | undefined;
  let nsFilter: number | undefined;
  let heading = true;
  let raw = false;
  let columns = DEFAULT;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => (a.includes("=") ? a.slice(a.indexOf("=") + 1) : /^-[a-z]./.test(a) ? a.slice(2) : args[++i]);
    if (a === "-t" || a.startsWith("--type") || /^-t./.test(a)) {
      const v = value();
      if (!v || !(kinds as string[]).includes(v)) return usageError(`unknown namespace type: ${v ?? ""}`);
      type = v as Kind;
    } else if (a === "-p" || a.startsWith("--task") || /^-p./.test(a)) {
      const v = value();
      if (!v || !/^\d+$/.test(v)) return usageError(`invalid PID argument: '${v ?? ""}'`);
      pidFilter = Number(v);
    } else if (a === "-n" || a === "--noheadings") heading = false;
    else if (a === "-r" || a === "--raw") raw = true;
    else if (a === "-l" || a === "--list") { /* one row a namespace is all we print */ }
    else if (a === "-o" || a.startsWith("--output") || /^-o./.test(a)) {
      const v = value() ?? "";
      const list = (v.startsWith("+") ? [...DEFAULT, ...v.slice(1).split(",")] : v.split(",")).map((c) => c.toUpperCase());
      const bad = list.find((c) => !(COLUMNS as string[]).includes(c));
      if (bad) return usageError(`unknown column: ${bad}`);
      columns = list as Column[];
    } else if (a.startsWith("-")) return usageError(`invalid option -- '${a.replace(/^-+/, "")}'`);
    else if (/^\d+$/.test(a)) nsFilter = Number(a);
    else return usageError(`failed to parse namespace: '${a}'`);
  }
  const pidns = procPidNs(host, ctx.task);
  const tasks = listTasks(host, pidns);
  let only: Set<number> | undefined;
  if (pidFilter !== undefined) {
    const t = findTaskInNs(host, pidns, pidFilter);
    if (!t) return { stderr: `lsns: open of /proc/${pidFilter}/ns failed: No such file or directory\n`, exitCode: 1 };
    only = new Set(kinds.map((k) => idOf(t, k)));
  }
  const rows = new Map<number, Row>();
  for (const t of tasks) {
    for (const k of kinds) {
      if (type && k !== type) continue;
      const id = idOf(t, k);
      if (only && !only.has(id)) continue;
      if (nsFilter !== undefined && id !== nsFilter) continue;
      const row = rows.get(id);
      if (!row) rows.set(id, { ns: id, type: k, procs: [t], owner: t });
      else row.procs.push(t);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => a.ns - b.ns);
  const cell = (r: Row, c: Column): string => {
    const t = r.owner;
    switch (c) {
      case "NS": return String(r.ns);
      case "TYPE": return r.type;
      case "NPROCS": return String(r.procs.length);
      case "PID": return String(pidIn(host, t, pidns));
      case "PPID": {
        const parent = host.tasks.byPid[t.ppid];
        return parent && (parent.ns.pid === pidns || pidns === host.namespaces.init.pid) ? String(pidIn(host, parent, pidns)) : "0";
      }
      case "USER": return userName(host, t.cred.uid);
      case "UID": return String(t.cred.uid);
      case "COMMAND": return t.kthread ? "" : commandLine(t);
      case "PATH": return `/proc/${pidIn(host, t, pidns)}/ns/${r.type}`;
    }
  };
  const table = sorted.map((r) => columns.map((c) => cell(r, c)));
  if (raw) {
    const lines = heading ? [columns.join(" ")] : [];
    for (const row of table) lines.push(row.join(" "));
    return { stdout: lines.map((l) => l + "\n").join(""), exitCode: 0 };
  }
  // libsmartcols: NS is at least 10 wide, NPROCS 6; a column is as wide as its widest cell; the last is not padded
  const widths = columns.map((c, i) => Math.max(heading ? c.length : 0, c === "NS" ? 10 : 0, ...table.map((row) => row[i]!.length)));
  const format = (cells: string[]): string =>
    cells.map((v, i) => (i === cells.length - 1 && !RIGHT.has(columns[i]!) ? v : RIGHT.has(columns[i]!) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join(" ").replace(/ +$/, "");
  const out = [...(heading ? [format(columns)] : []), ...table.map(format)];
  return { stdout: out.map((l) => l + "\n").join(""), exitCode: 0 };
}

export const lsnsCommand: UserCommand = { name: "lsns", run: lsns };
