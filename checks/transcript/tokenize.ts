// An expected line, as the author pasted it, read into a pattern: literal text, runs of blanks, typed placeholders
// (shapes.ts) found at word boundaries, and `[..]` wildcards. Nothing is declared by the author: a 64-hex run in
// the notes becomes "a 64-hex id here", a run of blanks becomes "some blanks here" (columns re-pad when values
// change width), and everything else must be printed as written.

import { canonicalTypes } from "./selinux-aliases.js";
import { FIGURE, SHAPES, isWordChar, readAt, startsAtBoundary, type Shape } from "./shapes.js";

export type Element =
  | { t: "lit"; text: string }
  | { t: "ws" }
  | { t: "slot"; shape: Shape; text: string }
  | { t: "wild" };

export interface TokenizeOptions {
  /** false for a ` (literal)` line: no placeholders at all */
  shapes?: boolean;
  /** true for df and free: every figure is volatile, whatever its width */
  figures?: boolean;
  /** true to read `[..]` as "any text" */
  wild?: boolean;
}

export const WILD = "[..]";

// Shapes by the character they can start with, so a word is offered only to the shapes that could fit it.
const BY_FIRST_CHAR: Shape[][] = Array.from({ length: 128 }, (_, c) =>
  SHAPES.filter((s) => s.starts.test(String.fromCharCode(c))),
);

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Reads an expected line (leading and trailing blanks already insignificant) into pattern elements. */
export function tokenize(text: string, options: TokenizeOptions = {}): Element[] {
  const shapes = options.shapes !== false;
  const line = canonicalTypes(text);
  const out: Element[] = [];
  let lit = "";
  const n = line.length;
  let i = 0;
  while (i < n && isBlank(line.charCodeAt(i))) i++;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (isBlank(c)) {
      let j = i + 1;
      while (j < n && isBlank(line.charCodeAt(j))) j++;
      if (j < n) {
        if (lit) out.push({ t: "lit", text: lit });
        lit = "";
        out.push({ t: "ws" });
      }
      i = j;
      continue;
    }
    if (options.wild && c === 91 && line.startsWith(WILD, i)) {
      if (lit) out.push({ t: "lit", text: lit });
      lit = "";
      out.push({ t: "wild" });
      i += WILD.length;
      continue;
    }
    if (shapes && startsAtBoundary(line, i)) {
      const slot = readSlot(line, i, c, options.figures === true);
      if (slot) {
        if (lit) out.push({ t: "lit", text: lit });
        lit = "";
        out.push(slot.element);
        i = slot.end;
        continue;
      }
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(line.charCodeAt(j))) j++;
      lit += line.slice(i, j);
      i = j;
    } else {
      lit += line[i];
      i++;
    }
  }
  if (lit) out.push({ t: "lit", text: lit });
  return out;
}

function readSlot(line: string, i: number, c: number, figures: boolean): { element: Element; end: number } | undefined {
  if (figures && c >= 48 && c <= 57) {
    const end = readAt(FIGURE.expected, line, i);
    if (end > i) return { element: { t: "slot", shape: FIGURE, text: line.slice(i, end) }, end };
  }
  for (const shape of c < 128 ? BY_FIRST_CHAR[c] : []) {
    const end = readAt(shape.expected, line, i);
    if (end <= i) continue;
    const text = line.slice(i, end);
    if (shape.keep && !shape.keep(text)) continue;
    return { element: { t: "slot", shape, text }, end };
  }
  return undefined;
}
