/**
 * Column layout of the engines' tables (Go text/tabwriter): each column as wide as its widest cell plus padding,
 * at least `minWidth`; the last cell of a row is not padded, so rows carry no trailing blanks.
 */

/** Lays out rows of cells. */
export function formatTable(rows: string[][], layout: { minWidth: number; padding: number }): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (i === row.length - 1) return;
      widths[i] = Math.max(widths[i] ?? 0, Math.max(cell.length + layout.padding, layout.minWidth));
    });
  }
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join("") + "\n").join("");
}
