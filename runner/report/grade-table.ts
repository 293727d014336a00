// The grader's terminal report: one row per host — student, host, score — and under it each check that did not
// pass, with its message, so an instructor sees at a glance who did what and why points were lost. Not-applicable
// checks are shown as such and never as lost points. Every text from a host is escaped (grade-escape.ts); nothing
// depends on timing or on the order hosts finished, so a resumed run prints the same table as an uninterrupted one.
import { Chalk, type ChalkInstance } from "chalk";
import { escapeHostLine } from "./grade-escape.js";
import { sortGrades, type CheckGrade, type HostGrade } from "./grade-results.js";

export interface GradeTableOptions {
  color: boolean;
}

const MAX_STUDENT = 28;
const MAX_HOST = 36;
const MAX_MESSAGE = 160;

/** Renders grades as the terminal table, ending with a summary line. */
export function renderGradeTable(grades: HostGrade[], options: GradeTableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const rows = sortGrades(grades);
  if (rows.length === 0) return "no hosts graded\n";
  const studentW = Math.min(MAX_STUDENT, Math.max(7, ...rows.map((g) => cell(g.student, MAX_STUDENT).length)));
  const hostW = Math.min(MAX_HOST, Math.max(4, ...rows.map((g) => cell(g.host, MAX_HOST).length)));
  const out: string[] = [];
  const lab = rows[0].lab;
  out.push(c.bold(`${escapeHostLine(lab.id, 100)}`) + c.dim(`  ${lab.hash.slice(0, 19)}…  ${rows.length} ${rows.length === 1 ? "host" : "hosts"}`));
  out.push(c.dim(`${"STUDENT".padEnd(studentW)}  ${"HOST".padEnd(hostW)}  SCORE`));
  for (const g of rows) {
    const score = g.status === "error" ? c.red("ERROR") : scoreText(g, c);
    out.push(`${cell(g.student, MAX_STUDENT).padEnd(studentW)}  ${cell(g.host, MAX_HOST).padEnd(hostW)}  ${score}`);
    const indent = " ".repeat(4);
    if (g.status === "error") out.push(`${indent}${c.red("✗")} ${escapeHostLine(g.error ?? "could not be graded", MAX_MESSAGE * 2)}`);
    for (const k of g.checks) if (k.status !== "pass") out.push(`${indent}${checkLine(k, c)}`);
    for (const w of g.warnings) out.push(`${indent}${c.yellow("!")} ${escapeHostLine(w, MAX_MESSAGE * 2)}`);
  }
  out.push("", summaryLine(rows, c));
  return out.join("\n") + "\n";
}

function scoreText(g: HostGrade, c: ChalkInstance): string {
  const text = `${g.score}/${g.maxScore}`;
  if (g.maxScore > 0 && g.score === g.maxScore) return c.green(text);
  return g.score === 0 ? c.red(text) : c.yellow(text);
}

function checkLine(k: CheckGrade, c: ChalkInstance): string {
  const mark = k.status === "fail" ? c.red("✗") : k.status === "error" ? c.red("!") : c.dim("–");
  const label = k.status === "not-applicable" ? "not applicable" : k.status === "error" ? "error" : `0/${k.maxPoints}`;
  const text = `${escapeHostLine(k.id, 60)} (${label}): ${escapeHostLine(k.message, MAX_MESSAGE)}`;
  return `${mark} ${k.status === "not-applicable" ? c.dim(text) : text}`;
}

/** `3 graded · 1 error · mean score 7.5/10` */
function summaryLine(rows: HostGrade[], c: ChalkInstance): string {
  const graded = rows.filter((g) => g.status === "graded");
  const errors = rows.length - graded.length;
  const parts = [`${graded.length} graded`];
  if (errors) parts.push(c.red(`${errors} could not be graded`));
  if (graded.length) {
    const pct = graded.map((g) => (g.maxScore ? g.score / g.maxScore : 0));
    const mean = (100 * pct.reduce((a, b) => a + b, 0)) / graded.length;
    const full = graded.filter((g) => g.maxScore > 0 && g.score === g.maxScore).length;
    parts.push(`${full} with full marks`, `mean ${mean.toFixed(0)}%`);
  }
  return parts.join(" · ");
}

function cell(text: string, max: number): string {
  const line = escapeHostLine(text, 300);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
