// Which reporter prints the grades: the terminal table, or a machine-readable document (--reporter).
import { gradesToCsv } from "../../report/grade-csv.js";
import { gradesToJson } from "../../report/grade-json.js";
import { gradesToJUnit } from "../../report/grade-junit.js";
import type { HostGrade } from "../../report/grade-results.js";
import { renderGradeTable } from "../../report/grade-table.js";
import { gradesToTap } from "../../report/grade-tap.js";

export const GRADE_REPORTERS = ["table", "json", "junit", "tap", "csv"] as const;
export type GradeReporter = (typeof GRADE_REPORTERS)[number];

/** The report of `grades` in the given format. */
export function renderGrades(reporter: GradeReporter, grades: HostGrade[], color: boolean): string {
  switch (reporter) {
    case "json":
      return gradesToJson(grades);
    case "junit":
      return gradesToJUnit(grades);
    case "tap":
      return gradesToTap(grades);
    case "csv":
      return gradesToCsv(grades);
    default:
      return renderGradeTable(grades, { color });
  }
}
