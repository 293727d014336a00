// The values a container host prints that change from run to run: container and layer ids, MCS levels, pids,
// inode numbers, addresses, times, dates, relative times and sizes. Each shape says what it looks like in the
// notes (learned from the expected text, never declared by the author) and what may stand in its place in a run.
// Words, paths, small integers and exit codes are not shapes: they stay literal, so `Exited (137)` never matches
// `Exited (0)` and `s0` never matches `s0:c1,c2`.

/** Kinds whose values bind one-to-one for a whole lab session (see bindings.ts); the others are free. */
export type BoundKind = "hexid" | "uuid" | "mcs" | "ip" | "mac" | "linkid" | "number" | "pid" | "inode" | "name";
export type FreeKind = "date" | "time" | "reltime" | "size";
export type ShapeKind = BoundKind | FreeKind;

const BOUND: ReadonlySet<ShapeKind> = new Set<ShapeKind>([
  "hexid", "uuid", "mcs", "ip", "mac", "linkid", "number", "pid", "inode", "name",
]);

/** True when values of this kind must map one-to-one across a session. */
export function isBound(kind: ShapeKind): kind is BoundKind {
  return BOUND.has(kind);
}

export interface Shape {
  kind: ShapeKind;
  /** The characters a value can start with, so the tokenizer tries only the shapes that can fit. */
  starts: RegExp;
  /** Sticky pattern for the value in the expected text (tokenize.ts). */
  expected: RegExp;
  /** Sticky pattern for what a run may print in its place. */
  actual: RegExp;
  /** Whether a matched expected text really is this shape (e.g. a hex run must mix digits and letters). */
  keep?: (text: string) => boolean;
  /** Extra constraint between an expected value and an actual one (same length, same number of categories). */
  accept?: (expected: string, actual: string) => boolean;
}

const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const WEEKDAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const CLOCK = "\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?";
// ISO 8601 and Go's time.Time String() ("2023-03-26 13:10:05.1234 +0000 UTC", podman inspect, log lines).
const ISO = `\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?(?: [+-]\\d{4}(?: [A-Z]{2,5})?)?)?`;
// date(1): "Thu Mar 26 13:10:05 UTC 2023"; ls -l: "Mar 26 13:10" or "Nov 30  2022"; ps STIME of an old task: "Mar26".
const DATE = `(?:${ISO}|${WEEKDAY} ${MONTH} +\\d{1,2} ${CLOCK}(?: [A-Z]{2,5})? \\d{4}|${MONTH} +\\d{1,2} +(?:\\d{1,2}:\\d{2}|\\d{4})|${MONTH}\\d{2})`;
// Docker's and podman's units.HumanDuration (go-units): "Less than a second", "About a minute", "5 seconds" …,
// followed by " ago" in CREATED and (podman ≥ 2) in STATUS.
const UNIT = "(?:second|minute|hour|day|week|month|year)";
const RELTIME = `(?:Less than an? ${UNIT}|About an? ${UNIT}|an? ${UNIT}|\\d+ ${UNIT}s?)(?: ago)?`;
// go-units HumanSize ("213 MB", "6.76 MB"), ls -h ("4.0K"), free/df -h ("1.2Gi", "15G"), IEC ("1.2GiB").
const SIZE = "\\d+(?:\\.\\d+)?(?:[kKMGTPE]i?B?|B)|\\d+(?:\\.\\d+)? (?:[kKMGTPE]i?B|B|bytes)";

// Addresses that mean something fixed (any interface, loopback) are literal, never placeholders.
const FIXED_ADDRESSES = new Set(["0.0.0.0", "127.0.0.1", "255.255.255.255", "::", "::1"]);

function sticky(source: string, flags = ""): RegExp {
  return new RegExp(source, `y${flags}`);
}

// "s0:c12,c900" → [12, 900]
function categories(level: string): number[] {
  const out: number[] = [];
  let n = -1;
  for (let i = level.indexOf(":") + 1; i < level.length; i++) {
    const c = level.charCodeAt(i);
    if (c >= 48 && c <= 57) n = (n < 0 ? 0 : n * 10) + (c - 48);
    else if (n >= 0) {
      out.push(n);
      n = -1;
    }
  }
  if (n >= 0) out.push(n);
  return out;
}

/** Tried in this order at every word boundary of an expected line; the first that fits wins. */
export const SHAPES: readonly Shape[] = [
  { kind: "date", starts: /[0-9A-Z]/, expected: sticky(DATE), actual: sticky(DATE) },
  {
    kind: "uuid", starts: /[0-9a-fA-F]/,
    expected: sticky("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "i"),
    actual: sticky("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "i"),
  },
  {
    // An MCS level as go-selinux uniqMcs() makes it: s0:cA,cB with A < B (README-selinux-mcs.md). A range such
    // as s0-s0:c0.c1023 is the admin's range, not a per-container value, so it stays literal.
    kind: "mcs", starts: /s/,
    expected: sticky("s\\d+:c\\d+(?:[.,]c\\d+)*"),
    actual: sticky("s\\d+:c\\d+(?:,c\\d+)*"),
    keep: (t) => !t.includes("."),
    accept: (e, a) => {
      const ce = categories(e);
      const ca = categories(a);
      if (ce.length !== ca.length || !e.startsWith(a.slice(0, a.indexOf(":") + 1))) return false;
      for (let i = 1; i < ca.length; i++) if (ca[i] <= ca[i - 1]) return false;
      return true;
    },
  },
  {
    kind: "ip",
    starts: /[0-9]/,
    expected: sticky("(?:\\d{1,3}\\.){3}\\d{1,3}"),
    actual: sticky("(?:\\d{1,3}\\.){3}\\d{1,3}"),
    keep: (t) => !FIXED_ADDRESSES.has(t) && t.split(".").every((o) => Number(o) <= 255),
    accept: (_e, a) => !FIXED_ADDRESSES.has(a) && a.split(".").every((o) => Number(o) <= 255),
  },
  {
    kind: "mac", starts: /[0-9a-fA-F]/,
    expected: sticky("[0-9a-f]{2}(?::[0-9a-f]{2}){5}", "i"),
    actual: sticky("[0-9a-f]{2}(?::[0-9a-f]{2}){5}", "i"),
  },
  {
    kind: "ip",
    starts: /[0-9a-fA-F:]/,
    expected: sticky("[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}", "i"),
    actual: sticky("[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}", "i"),
    keep: (t) => isIpv6(t),
    accept: (_e, a) => isIpv6(a),
  },
  {
    // Container, image and layer ids: 12 (short) or 64 (full) hex; other lengths count only when they mix digits
    // and letters, so words like "added" or "decade" stay words. Sixteen hex digits, or a zero-padded run, is a
    // mask or an address (CapEff: 00000000a80425fb in /proc/<pid>/status), which a lab teaches: literal.
    kind: "hexid", starts: /[0-9a-f]/,
    expected: sticky("[0-9a-f]{8,128}"),
    actual: sticky("[0-9a-f]{8,128}"),
    keep: (t) =>
      t.length === 12 || t.length === 64 || (t.length !== 16 && !t.startsWith("0000") && /[0-9]/.test(t) && /[a-f]/.test(t)),
    accept: (e, a) => e.length === a.length,
  },
  {
    // containers/storage overlay/l/<26 base32 chars>: the short link names in lowerdir= (README-storage.md).
    kind: "linkid", starts: /[0-9A-Z]/,
    expected: sticky("[A-Z0-9]{26}"),
    actual: sticky("[A-Z0-9]{26}"),
    keep: (t) => /[A-Z]/.test(t) && /[0-9]/.test(t),
  },
  {
    kind: "time", starts: /[0-9]/,
    expected: sticky(CLOCK),
    actual: sticky(CLOCK),
    accept: (e, a) => e.split(":").length === a.split(":").length,
  },
  { kind: "reltime", starts: /[0-9LAa]/, expected: sticky(RELTIME), actual: sticky(RELTIME) },
  { kind: "size", starts: /[0-9]/, expected: sticky(SIZE), actual: sticky(SIZE) },
  {
    // Long integers: pids on a real host (pid_max 32768 and up), inode numbers, byte counts. Four digits, not
    // three, because exit codes (126, 127, 137, 255), modes (755) and HTTP codes are three digits and must stay
    // literal. A run may print any number of digits in their place (a fresh simulated host has small pids), but
    // not 0: `pid=0` is what podman inspect says of a container that is not running.
    // Round numbers (multiples of 1000 or 1024) are configured, not counted: a memory limit (67108864 = 64 MiB),
    // a CFS period (100000), an rlimit (1048576). They stay literal, so a wrong --memory never matches.
    kind: "number", starts: /[1-9]/,
    expected: sticky("[1-9]\\d{3,}"),
    actual: sticky("[1-9]\\d*"),
    keep: (t) => !isRound(t),
  },
];

function isRound(t: string): boolean {
  if (t.length > 15) return false;
  const n = Number(t);
  return n % 1000 === 0 || n % 1024 === 0;
}

function isIpv6(t: string): boolean {
  if (FIXED_ADDRESSES.has(t.toLowerCase())) return false;
  const colons = t.split(":").length - 1;
  const groups = t.split(":").filter((g) => g !== "").length;
  if (t.includes(":::")) return false;
  return (colons === 7 && groups === 8) || (t.includes("::") && groups >= 2 && (t.match(/::/g) ?? []).length === 1);
}

/** A container name made by moby's and podman's namesgenerator: adjective_surname, docker adds a digit on retry. */
export const GENERATED_NAME = /^[a-z]+_[a-z]+\d?$/;

/** Numbers of any kind, for tables whose every figure is volatile (df, free). */
export const FIGURE: Shape = {
  kind: "size",
  starts: /[0-9]/,
  expected: sticky(`(?:${SIZE}|\\d+(?:\\.\\d+)?%?)`),
  actual: sticky(`(?:${SIZE}|\\d+(?:\\.\\d+)?%?)`),
};

/** Word characters: a shape starts and ends only where the text on both sides is not one of these. */
export function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** True when a value ending at `end` ends at a word boundary, so `1234` is not taken from `1234abc` or `12.5`. */
export function endsAtBoundary(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const c = text.charCodeAt(end);
  if (isWordChar(c)) return false;
  // "12.5", "10.88.0.1": the value would be cut out of a longer one. (A colon is a boundary: "10.88.0.7:8080".)
  if (c === 46 && end + 1 < text.length) {
    const n = text.charCodeAt(end + 1);
    const last = end > 0 ? text.charCodeAt(end - 1) : 0;
    if (n >= 48 && n <= 57 && last >= 48 && last <= 57) return false;
  }
  return true;
}

/** True when a value may start at `start`. */
export function startsAtBoundary(text: string, start: number): boolean {
  if (start === 0) return true;
  const p = text.charCodeAt(start - 1);
  if (isWordChar(p)) return false;
  // the tail of a decimal or dotted value ("1.2345", "4.3.1"); after a colon a value starts ("sha256:<id>", ":8080")
  if (p === 46 && start >= 2) {
    const pp = text.charCodeAt(start - 2);
    if (pp >= 48 && pp <= 57) return false;
  }
  return true;
}

/** Reads one value of `shape` at `pos` of `text`; returns its end, or -1 when none fits there. */
export function readAt(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  if (!re.test(text)) return -1; // test() and lastIndex: no match array to allocate
  const end = re.lastIndex;
  return endsAtBoundary(text, end) ? end : -1;
}
