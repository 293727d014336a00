// The process table as `ps -efZ` prints it (procps-ng; host-facts/procps/ps-efZ-format.md):
//   LABEL UID PID PPID C STIME TTY TIME CMD
// procps 4 pads LABEL to 31 columns and prints `-` without SELinux; procps 3.3.10 (RHEL 7) widens the column to
// fit the label. Either way every column but CMD is one word, so splitting on runs of blanks is exact; CMD keeps
// its inner spacing. `ps -ef` (no LABEL) is read too.

/** One row of `ps -ef[Z]`. */
export interface PsRow {
  /** the LABEL column ("-" without SELinux; "" when ps printed no LABEL column) */
  label: string;
  user: string;
  pid: number;
  ppid: number;
  tty: string;
  /** the command line (args), as ps shows it */
  cmd: string;
  /** the line as printed, for evidence */
  line: string;
}

// Lines produced by hostlab's own batch wrapper must not count as the student's processes.
const OWN_PROBE = "@@hostlab-probe";
const MAX_LINE = 8192;

/** Parses `ps -ef` / `ps -efZ` output; lines that don't have the shape are skipped, never fatal. */
export function parsePs(stdout: string): PsRow[] {
  const rows: PsRow[] = [];
  let hasLabel: boolean | null = null;
  for (const raw of stdout.split("\n")) {
    const line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
    if (!line.trim()) continue;
    const words = line.trim().split(/\s+/);
    if (words[0] === "LABEL" || words[0] === "UID") {
      hasLabel = words[0] === "LABEL";
      continue;
    }
    if (line.includes(OWN_PROBE)) continue;
    // Without a header, a first word that is a user name followed by two numbers means no LABEL column.
    const labelled = hasLabel ?? !(/^\d+$/.test(words[1] ?? "") && /^\d+$/.test(words[2] ?? ""));
    const skip = labelled ? 1 : 0;
    if (words.length < 8 + skip) continue;
    const pid = Number(words[1 + skip]);
    const ppid = Number(words[2 + skip]);
    if (!Number.isInteger(pid) || !Number.isInteger(ppid)) continue;
    rows.push({
      label: labelled ? words[0] : "",
      user: words[skip],
      pid,
      ppid,
      tty: words[5 + skip],
      cmd: cmdColumn(line, 7 + skip),
      line: line.trim(),
    });
  }
  return rows;
}

// Everything after the first `fields` blank-separated words, inner spacing kept.
function cmdColumn(line: string, fields: number): string {
  const re = /\S+/g;
  let m: RegExpExecArray | null = null;
  for (let i = 0; i <= fields; i++) {
    m = re.exec(line);
    if (!m) return "";
  }
  return m ? line.slice(m.index).trimEnd() : "";
}
