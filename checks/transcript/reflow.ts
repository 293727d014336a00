// ls(1) without -l writes names in as many columns as the terminal is wide (and one per line into a pipe), so
// the same directory shows as one line in a student's notes and as twenty in a run. For such output the names
// are compared in order, whatever the lines they fall on; each name still compares by shape. ls -C fills its
// columns top to bottom, so the notes are read both across (one line) and down (several lines).
// Limit: a name holding blanks reads as several names (the same on both sides, so it still matches itself).

import type { BindingTable } from "./bindings.js";
import { programOf } from "./command.js";
import type { ExpectedLine } from "./hatches.js";
import { matchPattern } from "./pattern.js";
import { isLongListing } from "./tables/ls.js";
import { tokenize } from "./tokenize.js";

/** True when the command's output flows into terminal-width columns (ls without a long or one-per-line format). */
export function reflows(command: string): boolean {
  const call = programOf(command);
  if (!call || call.program !== "ls") return false;
  return !isLongListing(call.args) && !call.args.some((a) => /^-[A-Za-z]*1/.test(a));
}

function splitLine(line: string): string[] {
  return line.split(/[ \t]+/).filter((w) => w !== "");
}

function words(lines: readonly string[]): string[] {
  return lines.flatMap(splitLine);
}

// ls -C order: down the first column, then down the next; only the last column may be short.
function wordsDown(lines: readonly string[]): string[] {
  const rows = lines.map(splitLine);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out: string[] = [];
  for (let c = 0; c < width; c++) for (const r of rows) if (c < r.length) out.push(r[c]);
  return out;
}

function matchWords(want: readonly string[], got: readonly string[], table: BindingTable): boolean {
  if (want.length !== got.length) return false;
  const mark = table.mark();
  for (let k = 0; k < want.length; k++) {
    if (!matchPattern(tokenize(want[k]), got[k], table)) {
      table.rollback(mark);
      return false;
    }
  }
  return true;
}

/** Matches plain shape lines as one sequence of names; false when any line is an escape hatch. */
export function matchReflowed(expected: readonly ExpectedLine[], actual: readonly string[], table: BindingTable): boolean {
  if (!expected.every((e) => e.kind === "shape" && !e.wild)) return false;
  const lines = expected.map((e) => (e.kind === "shape" ? e.text : ""));
  const got = words(actual);
  return matchWords(words(lines), got, table) || (lines.length > 1 && matchWords(wordsDown(lines), got, table));
}
