/**
 * procps' column layout (ps/output.c): every column has a width and a side; when a value is wider than its
 * column the rest of the line shifts right, and procps catches up by eating the padding it would have added to
 * the following columns. That is why RHEL 7's `ps -efZ` prints a long container label followed by
 * `root 5195 5176  1 20:23 pts/2 00:00:00 top` — single spaces where padding was absorbed, but `C` keeps its two
 * digits (it is printed with a fixed `%2u`, not padded by the layout engine).
 */

/** One column of a row. */
export interface Cell {
  text: string;
  width: number;
  right: boolean;
}

/** Lays out one line of cells (single-space separated), absorbing overflow as procps does. */
export function layoutRow(cells: Cell[]): string {
  let line = "";
  let correct = 0;
  cells.forEach((c, i) => {
    if (i > 0) {
      line += " ";
      correct += 1;
    }
    const behind = Math.max(0, line.length - correct);
    const pad = Math.max(0, c.width - c.text.length - behind);
    const last = i === cells.length - 1;
    line += c.right ? " ".repeat(pad) + c.text : c.text + (last ? "" : " ".repeat(pad));
    correct += c.width;
  });
  return line.trimEnd();
}
