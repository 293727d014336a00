// The JSON grade report: the records as they are (grade-results.ts), in inventory order, with a summary up front.
// Its shape is a contract: fields are only ever added, and `version` changes if one ever must change.
import { anyHostErrored, sortGrades, type HostGrade } from "./grade-results.js";

export interface GradeJsonReport {
  version: 1;
  /** the lab graded (id and the hash of its file) */
  lab: { id: string; hash: string } | null;
  /** false when any host could not be graded */
  ok: boolean;
  summary: { hosts: number; graded: number; errors: number };
  hosts: HostGrade[];
}

/** Renders grades as one JSON document (two-space indented, newline at the end). */
export function gradesToJson(grades: HostGrade[]): string {
  const hosts = sortGrades(grades);
  const graded = hosts.filter((g) => g.status === "graded").length;
  const report: GradeJsonReport = {
    version: 1,
    lab: hosts[0]?.lab ?? null,
    ok: !anyHostErrored(hosts),
    summary: { hosts: hosts.length, graded, errors: hosts.length - graded },
    hosts,
  };
  return JSON.stringify(report, null, 2) + "\n";
}
