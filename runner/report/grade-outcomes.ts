// Grades in the shape of `hostlab test`'s outcomes (results.ts): one "lab" per host, named `student (host)`, its
// checks under their steps. That lets the tested JUnit and TAP reporters serve grading too: a CI system shows
// each student as a test suite and each lost point as a failing test case.
import type { LabOutcome, StepOutcome } from "./results.js";
import { escapeHostLine } from "./grade-escape.js";
import { sortGrades, type HostGrade } from "./grade-results.js";

/** One LabOutcome per host; a host that could not be graded carries its reason as a lab error. */
export function gradesToOutcomes(grades: HostGrade[]): LabOutcome[] {
  return sortGrades(grades).map((g) => {
    // Records keep the step's index, not its line; the first check's line stands in for the step's.
    const byStep = new Map<number, StepOutcome>();
    for (const k of g.checks) {
      let step = byStep.get(k.step);
      if (!step) byStep.set(k.step, (step = { title: escapeHostLine(k.stepTitle, 200), line: k.line, commands: [], checks: [] }));
      step.checks.push({
        id: k.id,
        title: `${k.title} [${k.points}/${k.maxPoints}]`,
        line: k.line,
        status: k.status,
        points: k.points,
        maxPoints: k.maxPoints,
        message: k.status === "not-applicable" ? `not applicable: ${k.message}` : k.message,
      });
    }
    const name = g.student === g.host ? g.host : `${g.student} (${g.host})`;
    return {
      id: escapeHostLine(`${name} ${g.score}/${g.maxScore}`, 400),
      path: g.lab.id,
      title: g.lab.id,
      durationMs: g.durationMs,
      steps: [...byStep.values()],
      errors: g.status === "error" ? [{ line: 0, message: escapeHostLine(g.error ?? "could not be graded", 1000) }] : [],
    };
  });
}
