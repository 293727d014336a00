/**
 * ausearch (audit userspace, ausearch(8)): reads /var/log/audit/audit.log, groups its lines back into events (the
 * records that share one `audit(<time>:<serial>)` stamp) and prints the events that match every criterion given,
 * each after a `----` line and a `time->` line in ctime(3) form, its records last-written first (PROCTITLE,
 * SYSCALL, AVC), as the real tool shows them. Nothing matching: `<no matches>` on stderr, exit 1.
 *
 * Criteria: `-m/--message TYPE[,TYPE]` (AVC, USER_AVC, MAC_STATUS …, or ALL), `-ts/--start` and `-te/--end` with
 * the keywords now, recent (ten minutes ago), this-hour, today, yesterday, boot, or `[MM/DD/YYYY] [HH:MM:SS]`,
 * `-c/--comm`, `-p/--pid`, `-sv/--success yes|no`; `-i/--interpret` turns numbers into names; `-r/--raw` prints
 * the lines as they are in the log. Times are the host's (UTC). Simplification: no `-if`, no checkpoints.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { ErrnoError, STRERROR } from "../kernel/errno.js";
import { readClock } from "../kernel/clock.js";
import { AUDIT_LOG } from "../kernel/audit.js";

/** One event: its stamp and its lines in log order. */
interface AuditEvent {
  ms: number;
  serial: number;
  lines: string[];
  types: string[];
}

const STAMP = /msg=audit\((\d+)\.(\d{3}):(\d+)\)/;
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const RECENT_MS = 10 * 60_000;

/** Groups log lines into events by stamp. */
export function parseAuditLog(text: string): AuditEvent[] {
  const events: AuditEvent[] = [];
  const bySerial = new Map<number, AuditEvent>();
  for (const line of text.split("\n")) {
    const m = STAMP.exec(line);
    if (!m) continue;
    const serial = Number(m[3]);
    let ev = bySerial.get(serial);
    if (!ev) {
      ev = { ms: Number(m[1]) * 1000 + Number(m[2]), serial, lines: [], types: [] };
      bySerial.set(serial, ev);
      events.push(ev);
    }
    ev.lines.push(line);
    ev.types.push(/^type=(\S+)/.exec(line)?.[1] ?? "UNKNOWN");
  }
  return events;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** ctime(3): "Thu Mar 26 13:00:09 2026" (the day of the month padded with a space). */
function ctime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** A -ts/-te value (one or two words) → ms; `end` picks the end of a day given without a time. */
function parseWhen(words: string[], nowMs: number, bootMs: number, end: boolean): number | undefined {
  const startOfDay = (ms: number): number => ms - (ms % 86_400_000);
  switch (words[0]) {
    case "now": return nowMs;
    case "recent": return nowMs - RECENT_MS;
    case "this-hour": return nowMs - (nowMs % 3_600_000);
    case "today": return end ? nowMs : startOfDay(nowMs);
    case "yesterday": return startOfDay(nowMs) - 86_400_000;
    case "boot": return bootMs;
    case "week-ago": return startOfDay(nowMs) - 7 * 86_400_000;
  }
  let day = startOfDay(nowMs);
  let time = words[0];
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(words[0] ?? "");
  if (date) {
    const year = Number(date[3]) < 100 ? 2000 + Number(date[3]) : Number(date[3]);
    day = Date.UTC(year, Number(date[1]) - 1, Number(date[2]));
    time = words[1];
    if (time === undefined) return end ? day + 86_400_000 - 1 : day;
  }
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time ?? "");
  if (!t) return undefined;
  return day + Number(t[1]) * 3_600_000 + Number(t[2]) * 60_000 + Number(t[3] ?? 0) * 1000;
}

/** How many words a -ts/-te value takes: a date may be followed by a time. */
function whenWords(args: string[], i: number): string[] {
  const first = args[i];
  if (first === undefined) return [];
  if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(first) && /^\d{1,2}:\d{2}(:\d{2})?$/.test(args[i + 1] ?? "")) return [first, args[i + 1]!];
  return [first];
}

const SYSCALL_NAMES: Record<string, string> = {
  "0": "read", "1": "write", "59": "execve", "62": "kill", "189": "lsetxattr", "217": "getdents64", "257": "openat",
  "258": "mkdirat", "259": "mknodat", "260": "fchownat", "262": "newfstatat", "263": "unlinkat", "265": "linkat",
  "266": "symlinkat", "267": "readlinkat", "268": "fchmodat", "280": "utimensat", "316": "renameat2",
};

/** -i: the numbers a person cannot read, as names (auparse's interpretations, the common ones). */
function interpret(line: string, ms: number): string {
  const d = new Date(ms);
  const when = `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${String(ms % 1000).padStart(3, "0")}`;
  let out = line.replace(/msg=audit\(\d+\.(\d{3}):(\d+)\):/, (_m, _ms, serial) => `msg=audit(${when}:${serial}) :`);
  out = out.replace(/ (comm|name|exe)="([^"]*)"/g, " $1=$2");
  out = out.replace(/proctitle=([0-9A-F]+)$/, (_m, hex: string) => {
    const bytes = hex.match(/../g)!.map((h) => parseInt(h, 16));
    return `proctitle=${new TextDecoder().decode(new Uint8Array(bytes)).split("\0").join(" ")}`;
  });
  if (out.startsWith("type=SYSCALL")) {
    out = out
      .replace(/arch=c000003e/, "arch=x86_64")
      .replace(/syscall=(\d+)/, (m, n: string) => (SYSCALL_NAMES[n] ? `syscall=${SYSCALL_NAMES[n]}` : m))
      .replace(/exit=-13/, "exit=EACCES(Permission denied)")
      .replace(/a0=ffffff9c/, "a0=AT_FDCWD")
      .replace(/ (auid|ses)=4294967295/g, " $1=unset")
      .replace(/ (uid|gid|euid|suid|fsuid|egid|sgid|fsgid)=0(?= )/g, " $1=root");
  }
  return out;
}

async function ausearch(args: string[], ctx: CommandContext): Promise<CommandResult> {
  const now = readClock(ctx.host.clock, ctx.host.edge.timeSource);
  let types: string[] | undefined;
  let start: number | undefined;
  let end: number | undefined;
  let comm: string | undefined;
  let pid: string | undefined;
  let success: string | undefined;
  let interpretIt = false;
  let raw = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string | undefined => args[++i];
    if (a === "-m" || a === "--message") {
      const v = value();
      if (!v) return { stderr: "Argument is required for -m\n", exitCode: 1 };
      types = v.toUpperCase().split(",");
    } else if (a === "-ts" || a === "--start" || a === "-te" || a === "--end") {
      const words = whenWords(args, i + 1);
      const when = parseWhen(words, now, ctx.host.clock.bootMs, a === "-te" || a === "--end");
      if (when === undefined) return { stderr: `Invalid start time (${words.join(" ") || "missing"}). Hint: try recent, today, boot\n`, exitCode: 1 };
      i += words.length;
      if (a === "-ts" || a === "--start") start = when;
      else end = when;
    } else if (a === "-c" || a === "--comm") comm = value();
    else if (a === "-p" || a === "--pid") pid = value();
    else if (a === "-sv" || a === "--success") success = value();
    else if (a === "-i" || a === "--interpret") interpretIt = true;
    else if (a === "-r" || a === "--raw") raw = true;
    else if (a === "--input-logs" || a === "--just-one") continue;
    else return { stderr: `${a} is an unsupported option\n`, exitCode: 1 };
  }
  let text: string;
  try {
    text = ctx.fs.readFileSync(AUDIT_LOG);
  } catch (e) {
    const code = e instanceof ErrnoError ? e.code : "EIO";
    if (code === "ENOENT") return { stderr: "<no matches>\n", exitCode: 1 };
    return { stderr: `Error opening ${AUDIT_LOG} (${STRERROR[code]})\n`, exitCode: 1 };
  }
  const matches = parseAuditLog(text).filter((ev) =>
    (!types || types.includes("ALL") || ev.types.some((t) => types!.includes(t))) &&
    (start === undefined || ev.ms >= start) && (end === undefined || ev.ms <= end) &&
    (comm === undefined || ev.lines.some((l) => l.includes(` comm="${comm}"`))) &&
    (pid === undefined || ev.lines.some((l) => l.includes(` pid=${pid} `))) &&
    (success === undefined || ev.lines.some((l) => l.includes(` success=${success} `))));
  if (matches.length === 0) return { stderr: "<no matches>\n", exitCode: 1 };
  let out = "";
  for (const ev of matches) {
    if (raw) {
      out += ev.lines.map((l) => l + "\n").join("");
      continue;
    }
    out += `----\ntime->${ctime(ev.ms)}\n`;
    for (const line of [...ev.lines].reverse()) out += (interpretIt ? interpret(line, ev.ms) : line) + "\n";
  }
  return { stdout: out, exitCode: 0 };
}

export const ausearchCommand: UserCommand = { name: "ausearch", run: ausearch };
