// Go tabwriter tables: podman and docker `ps`, `images`, `top`, `volume ls`. Each cell starts at its header's
// column, cells may hold blanks ("5 seconds ago", "Exited (0) 2 seconds ago") and may be empty (PORTS), so rows
// are cut at the header's column starts — the expected rows at the expected header's, the actual rows at the actual
// header's, since columns re-pad when values change width. Formats: podman-4.3.1 transcripts in
// ../shared/reference/host-facts/transcripts and podman-ps(1).
// CONTAINER ID, IMAGE ID, CREATED, STATUS and SIZE compare by shape (ids bind, relative times and sizes are free,
// but the state word of STATUS and its exit code are literal: `Up 5 seconds` never matches `Exited (137) …`).

import { GENERATED_NAME } from "../shapes.js";
import type { Cell, CellMode, Layout, Row, TableRule } from "./types.js";
import { rowOf } from "./types.js";

interface Columns {
  names: string[];
  starts: number[];
}

const MODES: Record<string, CellMode> = {
  NAMES: "name",
  PORTS: "free",
  PID: "pid",
  PPID: "pid",
  "%CPU": "free",
  "CPU %": "free",
  "MEM USAGE / LIMIT": "free",
  "MEM %": "free",
  "NET IO": "free",
  "BLOCK IO": "free",
  PIDS: "free",
  ELAPSED: "free",
  TIME: "free",
  TTY: "free",
};

function readHeader(line: string): Columns | undefined {
  if (!/^ *[A-Z][A-Z0-9 %/._-]*$/.test(line) || !/\S {2,}\S/.test(line)) return undefined;
  const names: string[] = [];
  const starts: number[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    names.push(m[0]);
    starts.push(m.index);
  }
  return { names, starts };
}

function isCut(line: string, at: number): boolean {
  return at === 0 || at >= line.length || line[at - 1] === " ";
}

/** The rule for tabwriter tables (podman/docker ps, images, top …). */
export function columnsRule(name: string): TableRule {
  return {
    name,
    layouts(lines) {
      let columns: Columns | undefined;
      return lines.map((line) => {
        const header = readHeader(line);
        if (header) {
          columns = header;
          return undefined;
        }
        return columns;
      });
    },
    cells(line: string, layout: Layout): Row | undefined {
      const columns = layout as Columns | undefined;
      if (!columns) {
        const cells = headerlessCells(line);
        return cells && rowOf(cells);
      }
      const { names, starts } = columns;
      if (!starts.every((s) => isCut(line, s))) return undefined;
      return rowOf(
        names.map((n, k) => {
          const text = line.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : undefined).trim();
          return { text, mode: MODES[n] ?? "shape" };
        }),
      );
    },
  };
}

// Without a header (`podman ps -a | grep sleep`) a row still ends with its NAMES cell.
function headerlessCells(line: string): Cell[] | undefined {
  const trimmed = line.trimEnd();
  const cut = trimmed.search(/ {2,}\S+$/);
  if (cut < 0) return undefined;
  const last = trimmed.slice(cut).trim();
  if (!GENERATED_NAME.test(last)) return undefined;
  return [
    { text: trimmed.slice(0, cut), mode: "shape" },
    { text: last, mode: "name" },
  ];
}
