// Grading a replayed session: a fresh built-in host booted with the session's seed and profile, the lab prepared
// as the player prepares it (front matter files and setup, each step's files as it is entered), the student's
// commands typed again in order, then every check of the lab. The engine is deterministic for a seed, so this is
// the host the student had — rebuilt from their commands alone.
import { basename } from "node:path";
import type { LabPlan } from "../../play/plan.js";
import { LabPlayer } from "../../play/player.js";
import { scoreChecks, type HostGrade, GRADE_RECORD_VERSION } from "../../report/grade-results.js";
import { replayLog } from "../../session/replay.js";
import { seedNumber } from "../../session/seed.js";
import { createBuiltinTarget } from "../../targets/builtin.js";
import { errorGrade } from "./grade-fleet.js";
import { gradeTarget } from "./grade-target.js";
import type { GradedCheck } from "./graded-checks.js";
import { readSessionFile } from "./session-file.js";

export interface SessionGradeOptions {
  plan: LabPlan;
  lab: { id: string; hash: string };
  checks: GradedCheck[];
  /** the limit for replay and checks together (milliseconds) */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Grades one session file (never throws: a bad file is an error record naming what is wrong). */
export async function gradeSession(file: string, index: number, options: SessionGradeOptions): Promise<HostGrade> {
  const started = performance.now();
  const base = {
    v: GRADE_RECORD_VERSION as typeof GRADE_RECORD_VERSION,
    lab: options.lab,
    index,
    host: `session:${file}`,
    student: basename(file).replace(/(\.session)?\.json$/i, ""),
    warnings: [] as string[],
  };
  const elapsed = () => Math.round(performance.now() - started);
  let session;
  try {
    session = readSessionFile(file);
  } catch (e) {
    return errorGrade(base, "builtin", `${file}: ${(e as Error).message}`, options.checks, elapsed());
  }
  if (session.student) base.student = session.student;
  if (session.lab.id !== options.lab.id) {
    return errorGrade(base, "builtin", `the session is for lab "${session.lab.id}", not "${options.lab.id}"`, options.checks, elapsed());
  }
  if (session.lab.hash !== options.lab.hash) {
    base.warnings.push(`the session was made on another version of the lab (${session.lab.hash.slice(0, 19)}…); its commands were replayed on this one`);
  }
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const target = createBuiltinTarget({ seed: seedNumber(session.seed), profile: session.host });
  try {
    const player = new LabPlayer(options.plan, target);
    const log = session.commands.map((c) => ({ ...c, exitCode: 0, verdict: "not-checked" as const }));
    await replayLog(player, log, options.plan.steps.length, signal);
    if (timeout.aborted) return errorGrade(base, "builtin", `the replay did not finish within ${options.timeoutMs / 1000} s`, options.checks, elapsed());
    const result = await gradeTarget(target, options.checks, { batch: false, signal });
    if ("error" in result) return errorGrade(base, "builtin", result.error, options.checks, elapsed());
    return { ...base, target: "builtin", status: "graded", ...scoreChecks(result.checks), checks: result.checks, durationMs: elapsed(), gradedAt: new Date().toISOString() };
  } catch (e) {
    return errorGrade(base, "builtin", `the replay failed: ${(e as Error)?.message ?? String(e)}`, options.checks, elapsed());
  } finally {
    await target.close();
  }
}
