// One expected line against one actual line: the escape hatch the author wrote, else the command's table rule
// (cells compared by their column's mode), else the whole line by shape. Bindings made by a line that does not
// match are rolled back before returning, so a miss never leaves half a line's values bound.

import type { BindingTable } from "./bindings.js";
import { matchGlob } from "./glob.js";
import { patternOf, type ExpectedLine } from "./hatches.js";
import { matchPattern, type Miss } from "./pattern.js";
import { GENERATED_NAME } from "./shapes.js";
import type { Cell, Layout, TableRule } from "./tables/types.js";
import { tokenize, type Element } from "./tokenize.js";

/** What matching needs besides the two lines. */
export interface LineEnv {
  rule?: TableRule;
  expectedLayouts: Layout[];
  actualLayouts: Layout[];
  table: BindingTable;
  /** patterns of expected cells, tokenized once per text and mode */
  cellPatterns: Map<string, Element[]>;
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

function matchCells(expected: Cell[], actual: Cell[], env: LineEnv): string | undefined {
  if (expected.length !== actual.length) return "";
  const mark = env.table.mark();
  for (let k = 0; k < expected.length; k++) {
    const why = matchCell(expected[k], actual[k].text, env);
    if (why !== undefined) {
      env.table.rollback(mark);
      return why;
    }
  }
  return undefined;
}

const DIGITS = /^\d+$/;

function matchCell(cell: Cell, actual: string, env: LineEnv): string | undefined {
  switch (cell.mode) {
    case "free":
      return undefined;
    case "pid":
    case "inode":
      if (DIGITS.test(cell.text)) {
        if (!DIGITS.test(actual)) return "";
        return env.table.bind(cell.mode, cell.text, actual) ?? undefined;
      }
      break;
    case "name":
      if (GENERATED_NAME.test(cell.text)) {
        if (!GENERATED_NAME.test(actual)) return "";
        return env.table.bind("name", cell.text, actual) ?? undefined;
      }
      break;
  }
  const key = `${cell.mode === "figures" ? "f" : "s"}\u0000${cell.text}`;
  let pattern = env.cellPatterns.get(key);
  if (!pattern) {
    pattern = tokenize(cell.text, { figures: cell.mode === "figures" });
    env.cellPatterns.set(key, pattern);
  }
  const miss: Miss = {};
  return matchPattern(pattern, actual, env.table, miss) ? undefined : (miss.reason ?? "");
}
