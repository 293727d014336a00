/**
 * dmesg (util-linux): prints the kernel's message buffer (engine/kernel/printk.ts) through syslog(2)
 * (SYSLOG_ACTION_READ_ALL), one record a line behind its `[seconds.micro]` stamp since boot; `-T` gives wall-clock
 * times (`[Thu Mar 26 13:05:01 2026]`), `-l err,warn` keeps those levels, `-x` shows facility and level. Inside a
 * container the call still reaches the host's one buffer — the kernel's log is not namespaced — unless seccomp
 * refuses it (docker's default profile allows syslog only with CAP_SYSLOG), which dmesg reports as `dmesg: read
 * kernel buffer failed: Operation not permitted`.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { STRERROR } from "../kernel/errno.js";
import { formatKmsgStamp, type KmsgRecord } from "../kernel/printk.js";

/** SYSLOG_ACTION_READ_ALL (syslog(2)). */
const SYSLOG_ACTION_READ_ALL = 3;
const LEVELS = ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** ctime(3)-like stamp dmesg -T prints. */
function ctimeOf(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

function dmesg(args: string[], ctx: CommandContext): CommandResult {
  let human = false;
  let decode = false;
  let levels: Set<number> | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-T" || a === "--ctime") human = true;
    else if (a === "-x" || a === "--decode") decode = true;
    else if (a === "-l" || a === "--level" || a.startsWith("--level=")) {
      const list = a.startsWith("--level=") ? a.slice(8) : args[++i] ?? "";
      levels = new Set();
      for (const name of list.split(",")) {
        const n = LEVELS.indexOf(name === "error" ? "err" : name === "warning" ? "warn" : name);
        if (n < 0) return { stderr: `dmesg: unknown level '${name}'\n`, exitCode: 1 };
        levels.add(n);
      }
    } else if (a === "-H" || a === "--human" || a === "-L" || a === "--color" || a === "-k" || a === "--kernel") continue;
    else return { stderr: `dmesg: invalid option -- '${a.replace(/^-+/, "")}'\nTry 'dmesg --help' for more information.\n`, exitCode: 1 };
  }
  const r = ctx.fs.sys("syslog", [SYSLOG_ACTION_READ_ALL, 0, 0], (): KmsgRecord[] => ctx.host.kmsg.records.slice());
  if (!r.ok) return { stderr: `dmesg: read kernel buffer failed: ${STRERROR[r.errno]}\n`, exitCode: 1 };
  const boot = ctx.host.clock.bootMs;
  let out = "";
  for (const rec of r.value) {
    if (levels && !levels.has(rec.level)) continue;
    const stamp = human ? `[${ctimeOf(boot + Math.floor(rec.usec / 1000))}]` : formatKmsgStamp(rec.usec);
    const prefix = decode ? `kern  :${LEVELS[rec.level]!.padEnd(6)}: ` : "";
    out += `${prefix}${stamp} ${rec.text}\n`;
  }
  return { stdout: out, exitCode: 0 };
}

export const dmesgCommand: UserCommand = { name: "dmesg", run: dmesg };
