// The results file: one JSON line per graded host, appended as each host finishes, with one write and one fsync per
// line, so a crash, a SIGKILL or a Ctrl-C keeps every host that finished (POSIX appends of one write land whole on a
// local file system). Reading is forgiving where a crash can leave a mark — a last line cut short is ignored, and a
// later line for the same host replaces an earlier one — and strict about everything else.
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, statSync, writeSync } from "node:fs";
import { LabInputError } from "../../labs/errors.js";
import { hostGradeSchema, sanitizeGrade, type HostGrade } from "../../report/grade-results.js";

const MAX_RESULTS_BYTES = 1024 * 1024 * 1024;

/** Appends one record as one line, durably. Starts the line on its own if the file ends mid-line. */
export function appendGrade(path: string, grade: HostGrade): void {
  const fd = openSync(path, "a+", 0o644);
  try {
    const line = JSON.stringify(grade) + "\n";
    writeSync(fd, endsMidLine(fd) ? "\n" + line : line);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function endsMidLine(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

export interface ResultsFile {
  /** the last record of each host, in file order */
  grades: HostGrade[];
  /** lines that were not records (a torn last line after a crash is normal; more means someone edited the file) */
  skipped: Array<{ line: number; reason: string }>;
}

/** Reads a results file; a missing file reads as empty. */
export function readResults(path: string): ResultsFile {
  if (!existsSync(path)) return { grades: [], skipped: [] };
  if (statSync(path).size > MAX_RESULTS_BYTES) throw new LabInputError(`${path}: larger than 1 GiB; is it a results file?`);
  const text = readFileSync(path, "utf8");
  const byHost = new Map<string, HostGrade>();
  const skipped: ResultsFile["skipped"] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped.push({ line: i + 1, reason: "not JSON (a line cut short by a crash?)" });
      return;
    }
    const parsed = hostGradeSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      skipped.push({ line: i + 1, reason: `not a grade record (${issue.path.join(".") || "(top)"}: ${issue.message})` });
      return;
    }
    byHost.delete(parsed.data.host); // a re-graded host moves to where its latest record is
    byHost.set(parsed.data.host, sanitizeGrade(parsed.data));
  });
  return { grades: [...byHost.values()], skipped };
}
