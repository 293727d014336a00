// The CSV grade report, for a spreadsheet or a course platform's gradebook import: one row per host, the score,
// then one column per check (points earned, `n/a` when not applicable on that host, `error` when it could not be
// judged). RFC 4180 quoting; a cell that a spreadsheet would run as a formula (= + - @ at its start) gets a leading
// apostrophe (OWASP "CSV injection"), since student names and host text end up here.
import { escapeHostLine } from "./grade-escape.js";
import { sortGrades, type HostGrade } from "./grade-results.js";

/** Renders grades as CSV with a header row. */
export function gradesToCsv(grades: HostGrade[]): string {
  const rows = sortGrades(grades);
  // Columns: every check id in the order of the lab (the first graded host's order, then any others seen).
  const ids: string[] = [];
  for (const g of rows) for (const k of g.checks) if (!ids.includes(k.id)) ids.push(k.id);
  const lines = [["student", "host", "status", "score", "max_score", "failed", "error", ...ids].map(csvCell).join(",")];
  for (const g of rows) {
    const byId = new Map(g.checks.map((k) => [k.id, k]));
    const failed = g.checks.filter((k) => k.status === "fail" || k.status === "error").map((k) => k.id).join(" ");
    const perCheck = ids.map((id) => {
      const k = byId.get(id);
      if (!k) return "";
      return k.status === "not-applicable" ? "n/a" : k.status === "error" ? "error" : String(k.points);
    });
    lines.push([g.student, g.host, g.status, String(g.score), String(g.maxScore), failed, g.error ?? "", ...perCheck].map(csvCell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

function csvCell(value: string): string {
  let v = escapeHostLine(value, 2000);
  if (/^[=+\-@]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
