// The explicit escape hatches an author may write in expected output, for what shapes cannot express (the same
// vocabulary as Mercurial's .t tests and Cargo's snapshot tests):
//   `...` alone on a line    any number of lines, including none
//   `[..]` inside a line     any text within that line
//   `<line> (re)`            the rest of the line is a regex matched against the whole actual line (regex.ts)
//   `<line> (glob)`          the rest of the line is a glob: `*` any run, `?` one character (glob.ts)
//   `<line> (literal)`       no placeholders on this line: every value must be printed exactly as written
// A pasted transcript normally needs none of them.

import { compileLinearRegex, RegexRefused, type LinearRegex } from "./regex.js";
import { tokenize, type Element, WILD } from "./tokenize.js";

export type ExpectedLine =
  | { kind: "dots"; display: string }
  | { kind: "shape"; display: string; text: string; wild: boolean; pattern?: Element[] }
  | { kind: "literal"; display: string; text: string; pattern?: Element[] }
  | { kind: "re"; display: string; regex?: LinearRegex; refused?: string }
  | { kind: "glob"; display: string; glob: string };

const DOTS = "...";

/** Reads one (normalized) expected line into what it asks for. */
export function readExpectedLine(line: string): ExpectedLine {
  const body = line.trim();
  if (body === DOTS) return { kind: "dots", display: line };
  if (body.endsWith(" (re)")) {
    const source = body.slice(0, -" (re)".length).trim();
    try {
      return { kind: "re", display: line, regex: compileLinearRegex(source) };
    } catch (e) {
      if (e instanceof RegexRefused) return { kind: "re", display: line, refused: `regex refused: ${e.message}` };
      throw e;
    }
  }
  if (body.endsWith(" (glob)")) return { kind: "glob", display: line, glob: body.slice(0, -" (glob)".length).trim() };
  if (body.endsWith(" (literal)")) return { kind: "literal", display: line, text: body.slice(0, -" (literal)".length) };
  return { kind: "shape", display: line, text: body, wild: body.includes(WILD) };
}

/** The pattern of a shape or literal line, tokenized once and kept. */
export function patternOf(line: ExpectedLine & { kind: "shape" | "literal" }): Element[] {
  if (!line.pattern) {
    line.pattern =
      line.kind === "literal" ? tokenize(line.text, { shapes: false }) : tokenize(line.text, { wild: line.wild });
  }
  return line.pattern;
}
