// What a table rule tells the matcher about one row: its cells, and how each cell compares. The modes model what
// changes between two runs of the same command on two hosts: a pid column changes (and binds, like any pid), a CPU
// column changes freely, a NAMES column holds a generated name that binds, and the rest compares by shape.

/**
 * How a cell compares:
 * - shape: like a whole line (literals literal, values by their shape);
 * - free: anything, including nothing (CPU time, TTY, PORTS);
 * - pid / inode: any integer, bound one-to-one across the session;
 * - name: a generated container name (adjective_surname), bound one-to-one; other names stay literal;
 * - figures: by shape, but every number in it is volatile (df, free).
 */
export type CellMode = "shape" | "free" | "pid" | "inode" | "name" | "figures";

export interface Cell {
  text: string;
  mode: CellMode;
}

/** A row cut into cells: their texts and, in parallel, how each compares (shared between rows of one layout). */
export interface Row {
  texts: string[];
  modes: readonly CellMode[];
}

/** A row from a list of cells. */
export function rowOf(cells: readonly Cell[]): Row {
  return { texts: cells.map((c) => c.text), modes: cells.map((c) => c.mode) };
}

/** Per-side state a rule reads from the output itself, e.g. the column starts of the last header line seen. */
export type Layout = unknown;

export interface TableRule {
  /** names the rule in diffs and tests */
  name: string;
  /** The layout in force at each line of one side (expected or actual) of the output. */
  layouts(lines: readonly string[]): Layout[];
  /** A row's cells, or undefined when the line is not a row of this table (then it matches as a whole line). */
  cells(line: string, layout: Layout): Row | undefined;
}

function isBlankAt(line: string, k: number): boolean {
  const c = line.charCodeAt(k);
  return c === 32 || c === 9;
}

/** Splits a line into its first `count - 1` blank-separated fields and the rest (the last, free-text column). */
export function splitFields(line: string, count: number): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n && isBlankAt(line, i)) i++;
  while (out.length < count - 1) {
    if (i >= n) return undefined;
    let j = i;
    while (j < n && !isBlankAt(line, j)) j++;
    out.push(line.slice(i, j));
    i = j;
    while (i < n && isBlankAt(line, i)) i++;
  }
  if (i >= n) return undefined;
  out.push(line.slice(i).trimEnd());
  return out;
}
