/**
 * date (GNU coreutils): the system clock — the host's virtual clock, never the machine's — in the default
 * format (`Thu Mar 26 13:10:00 UTC 2026`), as seconds (`+%s`) or with a `+FORMAT` of the common directives.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { readClock } from "../kernel/clock.js";
import { dateString } from "./time-format.js";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function date(args: string[], ctx: CommandContext): CommandResult {
  const now = readClock(ctx.host.clock, ctx.host.edge.timeSource);
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
