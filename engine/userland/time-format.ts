/**
 * How coreutils and procps print times (in the host's zone, UTC on the simulated host): `ls -l` shows
 * "Mar 26 13:10" for files from the last six months and "Mar 26  2025" for older ones; ps' STIME shows "13:10"
 * for processes started within a day, else "Mar25", else the year.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const SIX_MONTHS_MS = 15_778_476_000;

const p2 = (n: number): string => String(n).padStart(2, "0");

/** HH:MM */
export function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

/** ls -l's date column. */
export function lsDate(ms: number, nowMs: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, " ");
  const recent = nowMs - ms < SIX_MONTHS_MS && ms - nowMs < 3600_000;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${recent ? hhmm(ms) : " " + d.getUTCFullYear()}`;
}

/** ps STIME / START. */
export function psStime(ms: number, nowMs: number): string {
  const d = new Date(ms);
  if (nowMs - ms < 86_400_000) return hhmm(ms);
  if (new Date(nowMs).getUTCFullYear() === d.getUTCFullYear()) return `${MONTHS[d.getUTCMonth()]}${p2(d.getUTCDate())}`;
  return String(d.getUTCFullYear());
}

/** [[DD-]hh:]mm:ss as ps' ELAPSED. */
export function psEtime(ms: number): string {
  let s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (days > 0) return `${days}-${p2(h)}:${p2(m)}:${p2(s)}`;
  if (h > 0) return `${p2(h)}:${p2(m)}:${p2(s)}`;
  return `${p2(m)}:${p2(s)}`;
}

/** hh:mm:ss of cumulative CPU time (ps TIME). */
export function psCpuTime(seconds: number): string {
  const s = Math.floor(seconds);
  return `${p2(Math.floor(s / 3600))}:${p2(Math.floor((s % 3600) / 60))}:${p2(s % 60)}`;
}

/** `date`'s default format: "Thu Mar 26 13:10:00 UTC 2026". */
export function dateString(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ${hhmm(ms)}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** stat's "2026-03-26 13:10:00.000000000 +0000". */
export function statTime(ms: number): string {
  const d = new Date(ms);
  const frac = String(ms % 1000).padStart(3, "0") + "000000";
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${hhmm(ms)}:${p2(d.getUTCSeconds())}.${frac} +0000`;
}
