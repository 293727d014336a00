// `hostlab test --update` rewrites the expected output under a command from what the host printed, the way snapshot
// tools do, but as an author would edit it by hand: only the lines that no longer match are replaced. A line the
// run still matches stays as written — an id from the real host the notes were taken on, a `...`, a `[..]`, a
// `(re)`/`(glob)`/`(literal)` line — and every other byte of the file (front matter, prose, prompts, narration, the
// block's indentation, CRLF line ends) is left alone.
//
// Decisions, on purpose:
// - A command with no expected output keeps none: the author chose not to pin it (e.g. `podman ps -a` whose table is
//   only there to look at), and `--update` must not pin it for them.
// - A command that could not run (exit 126/127) is not rewritten: that is a typo or a gap in the host, and pasting
//   "command not found" into the notes would hide it.
// - Keeping matched lines is judged line by line; when the kept lines still fail as a whole (bindings across the lab),
//   the caller asks again with `literal` for that command and the whole block becomes the run's output.
import { createTranscriptSession, matchTranscript } from "../../../checks/transcript/index.js";
import type { Command } from "../../model/lab.js";
import { toNotesValues, type NotesBinding } from "./notes-values.js";
import type { ActualOutput } from "./run-lab.js";

// Exit statuses of a command that could not run (see runner/play/player.ts).
const NOT_RUNNABLE = new Set([126, 127]);
// Above this many line pairs, aligning line by line costs more than it saves: the whole block is replaced.
const MAX_ALIGN_CELLS = 20_000;

export interface RewriteResult {
  text: string;
  /** Lines (in the original file) of the commands whose output was rewritten. */
  rewritten: number[];
}

/** The lab's text with the expected output of every mismatched command rewritten from the run. */
export function rewriteExpectedOutput(
  text: string,
  commands: readonly Command[],
  actuals: readonly ActualOutput[],
  options: { literal?: ReadonlySet<number>; bindings?: readonly NotesBinding[] } = {},
): RewriteResult {
  const rows = text.split("\n");
  const byLine = new Map(actuals.map((a) => [a.line, a]));
  const rewritten: number[] = [];
  // Bottom-up, so the lines of the commands above stay where the parser saw them.
  const todo = commands.filter((c) => c.outputLine !== null && c.expectedOutput.length > 0).sort((a, b) => b.line - a.line);
  for (const command of todo) {
    const actual = byLine.get(command.line);
    if (!actual || actual.matched || NOT_RUNNABLE.has(actual.exitCode)) continue;
    const start = command.outputLine! - 1;
    const old = rows.slice(start, start + command.expectedOutput.length);
    const eol = old.some((r) => r.endsWith("\r")) ? "\r" : "";
    const prefix = indentOf(old.map((r) => r.replace(/\r$/, "")), command.expectedOutput);
    // The run's lines speak of the run's ids; the notes keep theirs (notes-values.ts).
    const got = outputLines(actual.output).map((l) => toNotesValues(l, options.bindings ?? []));
    const lines = options.literal?.has(command.line) ? got.map(protect) : mergeLines(command.expectedOutput, got, command.command);
    const fresh = lines.map((l) => (l === "" ? eol : `${prefix}${l}${eol}`));
    rows.splice(start, old.length, ...fresh);
    rewritten.push(command.line);
  }
  return { text: rows.join("\n"), rewritten: rewritten.reverse() };
}

/** What a command printed, as the parser would read it back: lines without ANSI codes, trailing blank lines dropped. */
export function outputLines(output: string): string[] {
  const lines = output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r\n?/g, "\n").split("\n").map((l) => l.trimEnd());
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * The new expected lines: the notes' lines that still match a line of the run (or `...` standing for some), in order,
 * and the run's own lines where nothing in the notes matches. An alignment that keeps the most lines of the notes.
 */
export function mergeLines(expected: readonly string[], actual: readonly string[], command: string): string[] {
  const n = expected.length;
  const m = actual.length;
  if ((n + 1) * (m + 1) > MAX_ALIGN_CELLS) return actual.map(protect);
  const dots = expected.map((e) => e.trim() === "...");
  const memo = new Map<number, boolean>();
  const same = (i: number, j: number): boolean => {
    const key = i * (m + 1) + j;
    let v = memo.get(key);
    if (v === undefined) {
      v = matchTranscript(createTranscriptSession(), { command, expected: expected[i], actual: actual[j] }).ok;
      memo.set(key, v);
    }
    return v;
  };
  // cost[i][j]: the cheapest way to align expected[i..] with actual[j..]. Each line of the notes dropped, replaced or
  // added costs EDIT; a `...` stands for any run of actual lines at ABSORB a line, so it never swallows a line the
  // notes name explicitly when a one-line replacement does the job.
  const EDIT = 1000;
  const ABSORB = 1;
  const cost: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === n ? (m - j) * EDIT : 0)));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (dots[i]) {
        cost[i][j] = Math.min(cost[i + 1][j], j < m ? ABSORB + cost[i][j + 1] : Infinity);
        continue;
      }
      let best = EDIT + cost[i + 1][j]; // the notes' line goes
      if (j < m) {
        best = Math.min(best, EDIT + cost[i][j + 1]); // the run's line comes in
        best = Math.min(best, (same(i, j) ? 0 : EDIT) + cost[i + 1][j + 1]); // kept, or replaced in place
      }
      cost[i][j] = best;
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i === n) {
      out.push(protect(actual[j++]));
    } else if (dots[i]) {
      if (j < m && cost[i][j] === ABSORB + cost[i][j + 1]) j++; // absorbed by the `...`
      else out.push(expected[i++]);
    } else if (j < m && same(i, j) && cost[i][j] === cost[i + 1][j + 1]) {
      out.push(expected[i++]);
      j++;
    } else if (j < m && cost[i][j] === EDIT + cost[i + 1][j + 1]) {
      out.push(protect(actual[j++]));
      i++;
    } else if (j < m && cost[i][j] === EDIT + cost[i][j + 1]) {
      out.push(protect(actual[j++]));
    } else i++;
  }
  return out;
}

// A line of the run that reads as an escape hatch (`...`, `[..]`, a `(re)` suffix) would mean something else in the
// notes; ` (literal)` pins it to its text.
function protect(line: string): string {
  const body = line.trim();
  return body === "..." || body.includes("[..]") || / \((re|glob|literal)\)$/.test(body) ? `${line} (literal)` : line;
}

// The indentation of the block as written (spaces, tabs, a list's or quote's prefix): what precedes the least
// indented output line in the file.
function indentOf(rows: readonly string[], expected: readonly string[]): string {
  let best: string | null = null;
  rows.forEach((row, k) => {
    const e = expected[k] ?? "";
    if (e.trim() === "" || !row.endsWith(e)) return;
    const prefix = row.slice(0, row.length - e.length);
    if (best === null || prefix.length < best.length) best = prefix;
  });
  return best ?? "";
}
