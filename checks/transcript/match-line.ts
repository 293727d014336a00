// One expected line against one actual line: the escape hatch the author wrote, else the command's table rule
// (cells compared by their column's mode), else the whole line by shape. Bindings made by a line that does not
// match are rolled back before returning, so a miss never leaves half a line's values bound.

import type { BindingTable } from "./bindings.js";
import { matchGlob } from "./glob.js";
import { patternOf, type ExpectedLine } from "./hatches.js";
import { matchPattern, type Miss } from "./pattern.js";
import { GENERATED_NAME } from "./shapes.js";
import type { CellMode, Layout, Row, TableRule } from "./tables/types.js";
import { tokenize, type Element } from "./tokenize.js";

/** What matching needs besides the two lines. */
export interface LineEnv {
  rule?: TableRule;
  expectedLayouts: Layout[];
  actualLayouts: Layout[];
  table: BindingTable;
  /** patterns of expected cells, tokenized once per text (shape mode, figures mode) */
  cellPatterns: { shape: Map<string, Element[]>; figures: Map<string, Element[]> };
}

/** Matches expected line `ei` against actual line `ai`; undefined when they match, else a reason ("" if plain text). */
export function matchLine(exp: ExpectedLine, ei: number, actual: string, ai: number, env: LineEnv): string | undefined {
  const miss: Miss = {};
  switch (exp.kind) {
    case "dots":
      return undefined;
    case "re": {
      if (!exp.regex) return exp.refused ?? "regex refused";
      const verdict = exp.regex.test(actual.trim());
      if (verdict === "gave-up") return "regex gave up: line too long for this pattern";
      return verdict ? undefined : "";
    }
    case "glob":
      return matchGlob(exp.glob, actual.trim()) ? undefined : "";
    case "literal":
      return matchPattern(patternOf(exp), actual, env.table, miss) ? undefined : (miss.reason ?? "");
    case "shape": {
      if (env.rule && !exp.wild) {
        const ec = env.rule.cells(exp.text, env.expectedLayouts[ei]);
        const ac = ec && env.rule.cells(actual, env.actualLayouts[ai]);
        if (ec && ac) return matchCells(ec, ac, env);
      }
      return matchPattern(patternOf(exp), actual, env.table, miss) ? undefined : (miss.reason ?? "");
    }
  }
}

function matchCells(expected: Row, actual: Row, env: LineEnv): string | undefined {
  if (expected.texts.length !== actual.texts.length) return "";
  const mark = env.table.mark();
  for (let k = 0; k < expected.texts.length; k++) {
    const why = matchCell(expected.texts[k], expected.modes[k], actual.texts[k], env);
    if (why !== undefined) {
      env.table.rollback(mark);
      return why;
    }
  }
  return undefined;
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function matchCell(text: string, mode: CellMode, actual: string, env: LineEnv): string | undefined {
  switch (mode) {
    case "free":
      return undefined;
    case "pid":
    case "inode":
      if (isDigits(text)) {
        if (!isDigits(actual)) return "";
        return env.table.bind(mode, text, actual) ?? undefined;
      }
      break;
    case "name":
      if (GENERATED_NAME.test(text)) {
        if (!GENERATED_NAME.test(actual)) return "";
        return env.table.bind("name", text, actual) ?? undefined;
      }
      break;
  }
  const cache = mode === "figures" ? env.cellPatterns.figures : env.cellPatterns.shape;
  let pattern = cache.get(text);
  if (!pattern) {
    pattern = tokenize(text, { figures: mode === "figures" });
    cache.set(text, pattern);
  }
  const miss: Miss = {};
  return matchPattern(pattern, actual, env.table, miss) ? undefined : (miss.reason ?? "");
}
