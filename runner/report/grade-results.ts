// What grading found, as plain data: one record per host (or replayed session), each with a verdict per check of
// the lab. A record is also one line of the results file (JSON lines), so its schema is a contract: fields are only
// added, and `v` changes if one ever must change. Every reporter (table, JSON, JUnit, TAP, CSV) is a pure function
// of these records, so they always agree.
//
// Scoring: a check earns its points on pass, nothing otherwise. A check that is not applicable on the host (no
// SELinux there, no podman) is left out of the maximum: that zero is the host's, not the student's.
import { z } from "zod";
import { escapeHostText } from "./grade-escape.js";

export const GRADE_RECORD_VERSION = 1 as const;

const checkGradeSchema = z.object({
  /** the check's id, else its title */
  id: z.string(),
  title: z.string(),
  /** index and title of the lab step the check sits in */
  step: z.number().int().nonnegative(),
  stepTitle: z.string(),
  /** line of the check in the lab file */
  line: z.number().int().nonnegative(),
  hidden: z.boolean(),
  status: z.enum(["pass", "fail", "not-applicable", "error"]),
  points: z.number(),
  maxPoints: z.number(),
  /** why, from the check; host text escaped */
  message: z.string(),
  evidence: z.string(),
});

export const hostGradeSchema = z.object({
  v: z.literal(GRADE_RECORD_VERSION),
  lab: z.object({ id: z.string(), hash: z.string() }),
  /** position in the inventory (or session list): orders reports, and is what --shard slices by */
  index: z.number().int().nonnegative(),
  /** the key: `user@host:port`, `local`, or `session:<file>`; one record per host in a report */
  host: z.string(),
  student: z.string(),
  /** how it was reached: `ssh://…`, `local`, `builtin` */
  target: z.string(),
  /** graded: every check ran (each has a verdict); error: the host could not be graded (see `error`) */
  status: z.enum(["graded", "error"]),
  error: z.string().optional(),
  score: z.number(),
  /** the points of every applicable check */
  maxScore: z.number(),
  checks: z.array(checkGradeSchema),
  /** things the grader should know that do not change the score (a session made on another version of the lab) */
  warnings: z.array(z.string()),
  durationMs: z.number().nonnegative(),
  gradedAt: z.string(),
});

export type CheckGrade = z.infer<typeof checkGradeSchema>;
export type HostGrade = z.infer<typeof hostGradeSchema>;

/** Score and maximum over a host's check verdicts (not-applicable checks count in neither). */
export function scoreChecks(checks: CheckGrade[]): { score: number; maxScore: number } {
  let score = 0;
  let maxScore = 0;
  for (const c of checks) {
    if (c.status === "not-applicable") continue;
    maxScore += c.maxPoints;
    if (c.status === "pass") score += c.points;
  }
  return { score, maxScore };
}

/** The most a host could score on this lab: every check's points (for hosts that errored). */
export function labMaxScore(checks: Array<{ maxPoints: number }>): number {
  return checks.reduce((sum, c) => sum + c.maxPoints, 0);
}

/** Records in report order: by inventory index, then host. */
export function sortGrades(grades: HostGrade[]): HostGrade[] {
  return [...grades].sort((a, b) => a.index - b.index || a.host.localeCompare(b.host));
}

/** Whether any host could not be graded (the CLI then exits 1). */
export function anyHostErrored(grades: HostGrade[]): boolean {
  return grades.some((g) => g.status === "error");
}

/** A record read from a file someone else may have written: host-supplied text escaped again, whatever it held. */
export function sanitizeGrade(g: HostGrade): HostGrade {
  return {
    ...g,
    host: escapeHostText(g.host, 300),
    student: escapeHostText(g.student, 300),
    target: escapeHostText(g.target, 300),
    ...(g.error !== undefined ? { error: escapeHostText(g.error) } : {}),
    warnings: g.warnings.map((w) => escapeHostText(w)),
    checks: g.checks.map((c) => ({
      ...c,
      id: escapeHostText(c.id, 300),
      title: escapeHostText(c.title, 500),
      stepTitle: escapeHostText(c.stepTitle, 500),
      message: escapeHostText(c.message),
      evidence: escapeHostText(c.evidence),
    })),
  };
}
