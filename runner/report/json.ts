// The JSON report: the outcome records as they are (see results.ts), with a summary up front, for scripts and
// dashboards. Its shape is a contract: fields are only ever added, and `version` changes if one ever must change.
import type { LabOutcome, Totals } from "./results.js";
import { labPassed, totals } from "./results.js";

/** The document `hostlab test --reporter json` prints. */
export interface JsonReport {
  version: 1;
  /** true when every lab passed */
  ok: boolean;
  /** labs that passed and failed as a whole, then counts over all their commands and checks */
  summary: { labsPassed: number; labsFailed: number } & Totals;
  labs: Array<LabOutcome & { passed: boolean }>;
}

/** Renders outcomes as a JSON document (two-space indented, newline at the end). */
export function toJson(labs: LabOutcome[]): string {
  const passed = labs.filter(labPassed).length;
  const report: JsonReport = {
    version: 1,
    ok: passed === labs.length,
    summary: { labsPassed: passed, labsFailed: labs.length - passed, ...totals(labs) },
    labs: labs.map((lab) => ({ ...lab, passed: labPassed(lab) })),
  };
  return JSON.stringify(report, null, 2) + "\n";
}
