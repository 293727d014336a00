// Matching one expected pattern (tokenize.ts) against one line a run printed. Without wildcards the walk is
// deterministic and linear: each literal must be there, each run of blanks may be any run of blanks, each
// placeholder reads the longest value of its shape that ends at a word boundary and binds it. With `[..]` the
// pieces between wildcards are placed leftmost-first, like a shell glob, rolling back the bindings of a piece that
// did not fit; a leftmost placement is kept even if a later one would have bound differently (documented limit).

import type { BindingTable } from "./bindings.js";
import { canonicalTypes } from "./selinux-aliases.js";
import { isBound, readAt } from "./shapes.js";
import type { Element } from "./tokenize.js";

// Upper bound on element steps spent placing `[..]` pieces on one line (about 50 ms).
const MAX_WILD_WORK = 5_000_000;

/** Why a line did not match, when the reason is a binding and not just different text. */
export interface Miss {
  reason?: string;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Walks elements[from, to) over text from pos; returns the end position, or -1 (with miss.reason if a binding refused). */
function walk(els: readonly Element[], from: number, to: number, text: string, pos: number, table: BindingTable, miss: Miss): number {
  for (let k = from; k < to; k++) {
    const el = els[k];
    if (el.t === "lit") {
      if (!text.startsWith(el.text, pos)) return -1;
      pos += el.text.length;
    } else if (el.t === "ws") {
      if (pos >= text.length || !isBlank(text.charCodeAt(pos))) return -1;
      while (pos < text.length && isBlank(text.charCodeAt(pos))) pos++;
    } else if (el.t === "slot") {
      const end = readAt(el.shape.actual, text, pos);
      if (end < 0) return -1;
      const value = text.slice(pos, end);
      if (el.shape.accept && !el.shape.accept(el.text, value)) return -1;
      if (isBound(el.shape.kind)) {
        const why = table.bind(el.shape.kind, el.text, value);
        if (why) {
          miss.reason = why;
          return -1;
        }
      }
      pos = end;
    } else {
      return -1; // wildcards are placed by matchPattern
    }
  }
  return pos;
}

/** Matches a whole pattern against a whole actual line (leading and trailing blanks ignored). */
export function matchPattern(els: readonly Element[], actual: string, table: BindingTable, miss: Miss = {}): boolean {
  let start = 0;
  while (start < actual.length && isBlank(actual.charCodeAt(start))) start++;
  let end = actual.length;
  while (end > start && isBlank(actual.charCodeAt(end - 1))) end--;
  const text = canonicalTypes(start === 0 && end === actual.length ? actual : actual.slice(start, end));

  const mark = table.mark();
  let hasWild = false;
  for (let k = 0; k < els.length && !hasWild; k++) hasWild = els[k].t === "wild";
  const ok = hasWild ? placePieces(els, text, table, miss) : walk(els, 0, els.length, text, 0, table, miss) === text.length;
  if (!ok) table.rollback(mark);
  return ok;
}

// Places the pieces between `[..]` wildcards leftmost-first; the first piece is anchored at the start, the last
// at the end.
function placePieces(els: readonly Element[], text: string, table: BindingTable, miss: Miss): boolean {
  const wilds: number[] = [];
  for (let k = 0; k < els.length; k++) if (els[k].t === "wild") wilds.push(k);
  let work = 0;
  let pos = walk(els, 0, wilds[0], text, 0, table, miss);
  if (pos < 0) return false;
  for (let w = 0; w < wilds.length; w++) {
    const from = wilds[w] + 1;
    const to = w + 1 < wilds.length ? wilds[w + 1] : els.length;
    const last = w + 1 === wilds.length;
    if (from === to) {
      if (last) return true; // a trailing wildcard takes the rest
      continue;
    }
    let placed = -1;
    const first = els[from];
    for (let s = pos; s <= text.length; s++) {
      // every try walks at most the piece's elements; a hostile line pair gives up instead of spinning
      work += to - from;
      if (work > MAX_WILD_WORK) {
        miss.reason = "gave up: too many ways to place [..] on a very long line";
        return false;
      }
      // a piece that starts with literal text can only start where that text is
      if (first.t === "lit") {
        s = text.indexOf(first.text, s);
        if (s < 0) break;
      }
      const m = table.mark();
      const end = walk(els, from, to, text, s, table, {});
      if (end >= 0 && (!last || end === text.length)) {
        placed = end;
        break;
      }
      table.rollback(m);
    }
    if (placed < 0) return false;
    pos = placed;
  }
  return true;
}
