// `hostlab report merge FILE…`: the results files of several shards (or several runs) joined into one report.
// One record per host survives — the last one read, files in the order given — and all must be about the same lab
// file (same id and hash): scores from two versions of a lab do not add up.
import { LabInputError } from "../../labs/errors.js";
import type { HostGrade } from "../../report/grade-results.js";
import { readResults } from "./results-log.js";

/** Reads and joins results files; throws LabInputError when they are about different labs. */
export function mergeResults(files: string[]): { grades: HostGrade[]; skipped: Array<{ file: string; line: number; reason: string }> } {
  const byHost = new Map<string, HostGrade>();
  const skipped: Array<{ file: string; line: number; reason: string }> = [];
  let lab: { id: string; hash: string; file: string } | undefined;
  for (const file of files) {
    const r = readResults(file);
    for (const s of r.skipped) skipped.push({ file, ...s });
    for (const g of r.grades) {
      lab ??= { ...g.lab, file };
      if (g.lab.id !== lab.id || g.lab.hash !== lab.hash) {
        throw new LabInputError(
          `${file} grades ${g.lab.id} (${g.lab.hash.slice(0, 19)}…) but ${lab.file} grades ${lab.id} (${lab.hash.slice(0, 19)}…); merge results of one lab file only`,
        );
      }
      byHost.set(g.host, g);
    }
  }
  return { grades: [...byHost.values()], skipped };
}
