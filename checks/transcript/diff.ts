// The failure report a student reads. Lines that matched are shown as the notes wrote them, even where the run
// printed other ids, pids or times, so the only `-`/`+` lines are real differences; then the table of bindings
// (which value of the notes stood for which value of this run) and the reasons a binding was refused. Plain text,
// no colours: the UI may colour the leading `-` and `+`.

import { diffArrays } from "diff";
import type { Binding } from "./bindings.js";
import type { ExpectedLine } from "./hatches.js";

export interface DiffRow {
  op: " " | "-" | "+";
  text: string;
  /** a `...` line of the notes */
  dots?: boolean;
  /** for a line the diff paired: its index in the notes and in the run */
  pair?: [number, number];
}

// Context longer than this around differences is folded, so a 10,000-line table shows its few differing rows.
const CONTEXT = 3;
const FOLD_AT = 2 * CONTEXT + 4;
// Bounds for the line diff used when lines cannot be paired one to one (more or fewer lines than the notes).
const MAX_EDIT_LENGTH = 2_000;
const DIFF_TIMEOUT_MS = 200;

/** Rows for an expected and an actual output of the same length, paired line by line. */
export function rowsByLine(expected: readonly ExpectedLine[], actual: readonly string[], matched: readonly boolean[]): DiffRow[] {
  const rows: DiffRow[] = [];
  for (let i = 0; i < expected.length; ) {
    if (matched[i]) {
      rows.push({ op: " ", text: expected[i].display });
      i++;
      continue;
    }
    let j = i;
    while (j < expected.length && !matched[j]) j++;
    for (let k = i; k < j; k++) rows.push({ op: "-", text: expected[k].display });
    for (let k = i; k < j; k++) rows.push({ op: "+", text: actual[k] });
    i = j;
  }
  return rows;
}

/** Rows from a line diff, where `same` says whether an expected line matches an actual one by shape. */
export function rowsByDiff(
  expected: readonly ExpectedLine[],
  actual: readonly string[],
  same: (ei: number, ai: number) => boolean,
): DiffRow[] {
  type Item = { side: "e" | "a"; i: number };
  const olds: Item[] = expected.map((_, i) => ({ side: "e", i }));
  const news: Item[] = actual.map((_, i) => ({ side: "a", i }));
  const changes = diffArrays(olds, news, {
    comparator: (l: Item, r: Item) => (l.side === "e" ? same(l.i, r.i) : same(r.i, l.i)),
    maxEditLength: MAX_EDIT_LENGTH,
    timeout: DIFF_TIMEOUT_MS,
  });
  let rows: DiffRow[] = [];
  if (!changes) {
    // too different to diff cheaply: show both sides in full
    rows = [
      ...expected.map((e): DiffRow => ({ op: "-", text: e.display, dots: e.kind === "dots" })),
      ...actual.map((a): DiffRow => ({ op: "+", text: a })),
    ];
  } else {
    // A common run holds the actual items (jsdiff reports the new side); show the notes' lines instead.
    let ei = 0;
    for (const c of changes) {
      for (const item of c.value) {
        if (c.added) rows.push({ op: "+", text: actual[item.i] });
        else if (c.removed) {
          rows.push({ op: "-", text: expected[item.i].display, dots: expected[item.i].kind === "dots" });
          ei = item.i + 1;
        } else {
          rows.push({ op: " ", text: expected[ei].display, pair: [ei, item.i] });
          ei++;
        }
      }
    }
  }
  return absorbIntoDots(rows);
}

// A `...` of the notes stands for the extra lines next to it: in each run of changes that holds one, the `...`
// becomes context and the added lines of that run are not differences.
function absorbIntoDots(rows: DiffRow[]): DiffRow[] {
  const out: DiffRow[] = [];
  for (let i = 0; i < rows.length; ) {
    if (rows[i].op === " ") {
      out.push(rows[i++]);
      continue;
    }
    let j = i;
    while (j < rows.length && rows[j].op !== " ") j++;
    const run = rows.slice(i, j);
    if (run.some((r) => r.dots)) {
      for (const r of run) {
        if (r.dots) out.push({ op: " ", text: r.text, dots: true });
        else if (r.op === "-") out.push(r);
      }
    } else out.push(...run);
    i = j;
  }
  return out;
}

/** Renders rows as text, folding long runs of matching lines. */
export function renderRows(rows: readonly DiffRow[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; ) {
    if (rows[i].op !== " ") {
      out.push(`${rows[i].op} ${rows[i].text}`);
      i++;
      continue;
    }
    let j = i;
    while (j < rows.length && rows[j].op === " ") j++;
    const head = i === 0 ? 0 : CONTEXT;
    const tail = j === rows.length ? 0 : CONTEXT;
    if (j - i > FOLD_AT && j - i > head + tail) {
      for (let k = i; k < i + head; k++) out.push(`  ${rows[k].text}`);
      out.push(`  [${j - i - head - tail} matching lines]`);
      for (let k = j - tail; k < j; k++) out.push(`  ${rows[k].text}`);
    } else for (let k = i; k < j; k++) out.push(`  ${rows[k].text}`);
    i = j;
  }
  return out.join("\n");
}

/** The bindings table and the reasons bindings were refused, as shown under a failed diff. */
export function renderBindings(bindings: readonly Binding[], reasons: readonly string[]): string {
  const parts: string[] = [];
  if (bindings.length) {
    const width = Math.max(...bindings.map((b) => b.kind.length));
    parts.push("bindings (notes → this run):");
    for (const b of bindings) parts.push(`  ${b.kind.padEnd(width)}  ${b.expected}  →  ${b.actual}`);
  }
  if (reasons.length) {
    parts.push("why:");
    for (const r of reasons) parts.push(`  ${r}`);
  }
  return parts.join("\n");
}
