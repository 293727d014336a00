// Placing expected lines on actual lines. Line count matters, so without `...` line i faces line i and nothing
// else. A `...` line stands for any number of actual lines (including none): the expected lines between `...`s
// form segments, the first anchored at the top and the last at the bottom unless a `...` frees them, and the
// middle ones are placed leftmost-first. Placing one segment binds values, which can make a later segment fail
// where another placement would not; so the search backtracks (iteratively: deep `...` nesting cannot overflow the
// stack) under a budget of line comparisons, and reports that it gave up rather than spin.

import type { BindingTable, Mark } from "./bindings.js";
import type { ExpectedLine } from "./hatches.js";

/** Most line comparisons one `...` alignment may spend (a few hundred milliseconds at worst). */
export const ALIGN_BUDGET = 300_000;

export interface Alignment {
  ok: boolean;
  /** expected index → actual index of each non-`...` line, when ok */
  pairs: Array<[number, number]>;
  gaveUp: boolean;
}

interface Segment {
  from: number;
  to: number; // exclusive
}

/** Aligns expected lines holding `...` with the actual lines; tryLine binds into table and undoes its own misses. */
export function alignWithDots(
  expected: readonly ExpectedLine[],
  actualCount: number,
  table: BindingTable,
  tryLine: (ei: number, ai: number) => boolean,
  budget = ALIGN_BUDGET,
): Alignment {
  const segments: Segment[] = [];
  for (let k = 0; k < expected.length; ) {
    if (expected[k].kind === "dots") {
      k++;
      continue;
    }
    const from = k;
    while (k < expected.length && expected[k].kind !== "dots") k++;
    segments.push({ from, to: k });
  }
  const leading = expected.length > 0 && expected[0].kind === "dots";
  const trailing = expected.length > 0 && expected[expected.length - 1].kind === "dots";
  if (segments.length === 0) return { ok: true, pairs: [], gaveUp: false };

  const last = segments.length - 1;
  const range = (si: number, from: number): [number, number] => {
    const len = segments[si].to - segments[si].from;
    if (si === 0 && !leading) return si === last && !trailing ? (len === actualCount ? [0, 0] : [1, 0]) : [0, 0];
    if (si === last && !trailing) return [actualCount - len, actualCount - len >= from ? actualCount - len : -1];
    return [from, actualCount - len];
  };

  let spent = 0;
  const placeAt = (si: number, p: number): boolean => {
    const { from, to } = segments[si];
    if (p < 0 || p + (to - from) > actualCount) return false;
    for (let k = from; k < to; k++) {
      spent++;
      if (!tryLine(k, p + (k - from))) return false;
    }
    return true;
  };

  // frames[si]: the candidate start tried for segment si, the last start allowed, and the mark before it bound
  const frames: Array<{ p: number; hi: number; mark: Mark }> = [];
  const [lo0, hi0] = range(0, 0);
  frames.push({ p: lo0, hi: hi0, mark: table.mark() });
  while (frames.length) {
    if (spent > budget) return { ok: false, pairs: [], gaveUp: true };
    const si = frames.length - 1;
    const f = frames[si];
    if (f.p > f.hi) {
      frames.pop();
      if (!frames.length) break;
      const prev = frames[frames.length - 1];
      table.rollback(prev.mark);
      prev.p++;
      continue;
    }
    f.mark = table.mark();
    if (placeAt(si, f.p)) {
      if (si === last) {
        const pairs: Array<[number, number]> = [];
        frames.forEach((fr, s) => {
          for (let k = segments[s].from; k < segments[s].to; k++) pairs.push([k, fr.p + (k - segments[s].from)]);
        });
        return { ok: true, pairs, gaveUp: false };
      }
      const next = f.p + (segments[si].to - segments[si].from);
      const [lo, hi] = range(si + 1, next);
      frames.push({ p: lo, hi, mark: table.mark() });
    } else {
      table.rollback(f.mark);
      f.p++;
    }
  }
  return { ok: false, pairs: [], gaveUp: false };
}
