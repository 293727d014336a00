/**
 * date (GNU coreutils): the system clock — the host's virtual clock, never the machine's — in the default
 * format (`Thu Mar 26 13:10:00 UTC 2026`), as seconds (`+%s`) or with a `+FORMAT` of the common directives.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { readClock } from "../kernel/clock.js";
import { dateString } from "./time-format.js";
import { STRERROR } from "../kernel/errno.js";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** CLOCK_REALTIME, the clock `date -s` sets (clock_settime(2)). */
const CLOCK_REALTIME = 0;

/** The few date strings `date -s` is given in labs: 2020-01-01, "2020-01-01 12:00[:00]", 12:00[:00], @SECONDS. */
function parseDateString(text: string, now: number): number | undefined {
  const t = text.trim();
  let m = /^@(\d+)$/.exec(t);
  if (m) return Number(m[1]) * 1000;
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) {
    const d = new Date(now);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Number(m[1]), Number(m[2]), Number(m[3] ?? 0));
  }
  return undefined;
}

/**
 * date -s STRING: sets the system clock through clock_settime(2), which needs CAP_SYS_TIME (and which both
 * engines' seccomp profiles allow only with it). Refused, coreutils says so and still prints the date it was given.
 * The realtime clock is not namespaced: a container allowed to set it sets the host's.
 */
function setDate(text: string, ctx: CommandContext, now: number): CommandResult {
  const when = parseDateString(text, now);
  if (when === undefined || Number.isNaN(when)) return { stderr: `date: invalid date '${text}'\n`, exitCode: 1 };
  const clock = ctx.host.clock;
  const r = ctx.fs.sys("clock_settime", [CLOCK_REALTIME, 0], () => {
    const delta = when - clock.nowMs;
    clock.nowMs = when;
    // uptime (CLOCK_MONOTONIC) does not jump with the wall clock
    clock.bootMs += delta;
    if (clock.mode === "wall") clock.offsetMs += delta;
  });
  if (!r.ok) {
    // coreutils reports the failure, then shows the date anyway
    const stderr = `date: cannot set date: ${STRERROR[r.errno]}\n`;
    const stdout = dateString(when) + "\n";
    return { stdout, stderr, exitCode: 1, output: [{ stream: "stderr", text: stderr }, { stream: "stdout", text: stdout }] };
  }
  return { stdout: dateString(when) + "\n", exitCode: 0 };
}

function date(args: string[], ctx: CommandContext): CommandResult {
  const now = readClock(ctx.host.clock, ctx.host.edge.timeSource);
  const set = args.findIndex((a) => a === "-s" || a === "--set" || a.startsWith("--set="));
  if (set >= 0) {
    const a = args[set]!;
    const value = a.startsWith("--set=") ? a.slice(6) : args[set + 1];
    if (value === undefined) return { stderr: `date: option requires an argument -- 's'\nTry 'date --help' for more information.\n`, exitCode: 1 };
    return setDate(value, ctx, now);
  }
  const fmt = args.find((a) => a.startsWith("+"));
  if (!fmt) return { stdout: dateString(now) + "\n", exitCode: 0 };
  const d = new Date(now);
  const p2 = (n: number): string => String(n).padStart(2, "0");
  const out = fmt.slice(1).replace(/%([a-zA-Z%])/g, (_, c: string) => {
    switch (c) {
      case "s": return String(Math.floor(now / 1000));
      case "Y": return String(d.getUTCFullYear());
      case "m": return p2(d.getUTCMonth() + 1);
      case "d": return p2(d.getUTCDate());
      case "H": return p2(d.getUTCHours());
      case "M": return p2(d.getUTCMinutes());
      case "S": return p2(d.getUTCSeconds());
      case "F": return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case "T": return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case "a": return DAYS[d.getUTCDay()];
      case "b": return MONTHS[d.getUTCMonth()];
      case "Z": return "UTC";
      case "z": return "+0000";
      case "N": return String((now % 1000) * 1_000_000).padStart(9, "0");
      case "%": return "%";
    }
    return "%" + c;
  });
  return { stdout: out + "\n", exitCode: 0 };
}

export const dateCommand: UserCommand = { name: "date", run: date };
