// df(1) and free(1): every figure is a measurement of this host at this moment (blocks, bytes, percentages), so
// all of them are volatile; the labels around them (Filesystem, Mem:, Swap:, mount points) compare by shape.

import type { CellMode, TableRule } from "./types.js";

const FIGURES: readonly CellMode[] = ["figures"];

/** The rule for outputs whose every number is volatile. */
export function figuresRule(name: string): TableRule {
  return {
    name,
    layouts: (lines) => lines.map(() => undefined),
    cells: (line) => ({ texts: [line], modes: FIGURES }),
  };
}
