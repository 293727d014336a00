// procps ps(1): rows of blank-separated columns whose last column (CMD, COMMAND, ARGS) is free text. The columns
// come from the header when the output has one, else from the options (a `ps -efZ | grep top` keeps ps's rows
// but loses the header). Between two runs the pids, CPU figures, start times and terminals change: PID and PPID
// bind (the same process keeps its pid across the session), the others are free. LABEL, UID and CMD are compared
// by shape, so the MCS level inside a label binds and `top` never matches `sleep`.
// Formats: procps/ps-efZ-format.md in ../shared/reference/host-facts (RHEL 7 procps-ng 3.3.10, Debian procps-ng 4).

import type { CellMode, Layout, Row, TableRule } from "./types.js";
import { splitFields } from "./types.js";

const PID_COLUMNS = new Set(["PID", "PPID", "PGID", "SID", "TGID", "LWP", "SPID", "TPGID"]);
const FREE_COLUMNS = new Set([
  "C", "%CPU", "%MEM", "VSZ", "RSS", "SZ", "PSR", "STIME", "START", "TIME", "TTY", "TT", "STAT", "S", "ELAPSED",
  "ETIME", "ETIMES", "NI", "PRI", "ADDR", "WCHAN", "F", "NLWP", "CP",
]);

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

function modeOf(column: string): CellMode {
  if (PID_COLUMNS.has(column)) return "pid";
  if (FREE_COLUMNS.has(column)) return "free";
  return "shape";
}

// The last column is free text (CMD, COMMAND, ARGS): compared by shape whatever its name.
function modesOf(columns: readonly string[]): CellMode[] {
  return columns.map((c, k) => (k === columns.length - 1 ? "shape" : modeOf(c)));
}

/** The columns ps prints for these options when no header is in sight (ps(1), STANDARD FORMAT SPECIFIERS). */
export function psColumns(args: readonly string[]): string[] | undefined {
  const dashed = args.filter((a) => /^-[A-Za-z]+$/.test(a)).map((a) => a.slice(1)).join("");
  const bsd = args.filter((a) => /^[A-Za-z]+$/.test(a)).join("");
  if (args.some((a) => a === "-o" || a.startsWith("-o") || a === "o" || a.startsWith("--format"))) return undefined;
  const label = dashed.includes("Z") || bsd.includes("Z") || args.includes("--context");
  let columns: string[];
  if (dashed.includes("F")) columns = ["UID", "PID", "PPID", "C", "SZ", "RSS", "PSR", "STIME", "TTY", "TIME", "CMD"];
  else if (dashed.includes("l")) columns = ["F", "S", "UID", "PID", "PPID", "C", "PRI", "NI", "ADDR", "SZ", "WCHAN", "TTY", "TIME", "CMD"];
  else if (dashed.includes("f")) columns = ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"];
  else if (bsd.includes("u")) columns = ["USER", "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY", "STAT", "START", "TIME", "COMMAND"];
  else if (bsd.includes("x") || bsd.includes("a")) columns = ["PID", "TTY", "STAT", "TIME", "COMMAND"];
  else columns = ["PID", "TTY", "TIME", "CMD"];
  return label ? ["LABEL", ...columns] : columns;
}

function headerColumns(line: string): string[] | undefined {
  if (!line.includes("PID")) return undefined;
  const fields = line.trim().split(/[ \t]+/);
  if (!fields.includes("PID") || !fields.every((f) => /^[A-Z%]+$/.test(f))) return undefined;
  return fields;
}

/** The ps rule for the given options. */
export function psRule(args: readonly string[]): TableRule {
  const fromOptions = psColumns(args);
  return {
    name: "ps",
    layouts(lines) {
      let modes = fromOptions && modesOf(fromOptions);
      return lines.map((line) => {
        const header = headerColumns(line);
        if (header) {
          modes = modesOf(header);
          return undefined; // the header itself compares as a line
        }
        return modes;
      });
    },
    cells(line: string, layout: Layout): Row | undefined {
      const modes = layout as CellMode[] | undefined;
      if (!modes) return undefined;
      const texts = splitFields(line, modes.length);
      // a row has numbers in its pid columns; anything else (an error, a usage line) matches as a whole line
      if (!texts) return undefined;
      for (let k = 0; k < texts.length; k++) if (modes[k] === "pid" && !isDigits(texts[k])) return undefined;
      return { texts, modes };
    },
  };
}
