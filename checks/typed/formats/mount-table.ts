// The mount table as `mount` (util-linux) prints it, one mount per line:
//   overlay on /var/lib/containers/storage/overlay/<id>/merged type overlay (rw,relatime,lowerdir=…,context="…")
// Option values may contain commas inside double quotes (SELinux `context="system_u:object_r:…:s0:c1,c2"`).

/** One line of `mount` output. */
export interface MountEntry {
  source: string;
  target: string;
  fstype: string;
  options: string[];
  line: string;
}

const LINE = /^(.*?) on (.*?) type (\S+)(?: \((.*)\))?$/;

/** Parses `mount` output; lines of other shapes are skipped. */
export function parseMounts(stdout: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const raw of stdout.split("\n")) {
    const line = raw.length > 16384 ? raw.slice(0, 16384) : raw;
    const m = LINE.exec(line.trim());
    if (!m) continue;
    entries.push({ source: m[1], target: m[2], fstype: m[3], options: splitOptions(m[4] ?? ""), line: line.trim() });
  }
  return entries;
}

// Splits on commas outside double quotes.
function splitOptions(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * A shell-style glob (`*`, `?`) matched against a whole path; `*` does cross `/` so one star spans an id.
 * The classic two-pointer match (back up to the last star only): O(pattern × text), whatever the pattern.
 */
export function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === "?" || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}
