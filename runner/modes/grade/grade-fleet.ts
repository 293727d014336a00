// Grading a class: every host of the inventory, `jobs` at a time, each over its own connection. A host's record is
// appended to the results file the moment it is done (results-log.ts), so the run can be stopped at any point and
// resumed; hosts finish in any order, and reports put them back in inventory order.
import type { HostEntry } from "../../inventory/inventory.js";
import { labMaxScore, scoreChecks, type HostGrade, GRADE_RECORD_VERSION } from "../../report/grade-results.js";
import { createLocalTarget } from "../../targets/local.js";
import { createSshTarget, type SshTargetOptions } from "../../targets/ssh.js";
import type { Target } from "../../targets/target.js";
import { gradeTarget } from "./grade-target.js";
import type { GradedCheck } from "./graded-checks.js";
import { runPool } from "./pool.js";
import { appendGrade } from "./results-log.js";

export interface FleetOptions {
  lab: { id: string; hash: string };
  checks: GradedCheck[];
  /** hosts graded at once */
  jobs: number;
  /** each host's limit, login included (milliseconds) */
  hostTimeoutMs: number;
  /** each probe's limit (seconds) */
  checkTimeoutS?: number;
  /** how to reach SSH hosts (an inventory entry's identity wins over `ssh.identity`) */
  ssh?: SshTargetOptions;
  /** the JSON-lines file each record is appended to; none = keep in memory only */
  resultsPath?: string;
  signal?: AbortSignal;
  /** called as each host finishes (for progress lines) */
  onGraded?: (grade: HostGrade) => void;
}

const DEFAULT_CONNECT_TIMEOUT_S = 10;

/** Grades every entry, `jobs` at a time, appending each record as it finishes; returns them in that order. */
export async function gradeFleet(entries: HostEntry[], options: FleetOptions): Promise<HostGrade[]> {
  const done: HostGrade[] = [];
  await runPool(entries, options.jobs, options.signal, async (entry) => {
    const grade = await gradeEntry(entry, options);
    if (options.signal?.aborted) return; // an interrupted host is not a result: --resume grades it again
    if (options.resultsPath) appendGrade(options.resultsPath, grade);
    done.push(grade);
    options.onGraded?.(grade);
  });
  return done;
}

/** Grades one host: opens its target, runs the checks, closes it. Never throws. */
export async function gradeEntry(entry: HostEntry, options: FleetOptions): Promise<HostGrade> {
  const started = performance.now();
  const base = {
    v: GRADE_RECORD_VERSION as typeof GRADE_RECORD_VERSION,
    lab: options.lab,
    index: entry.index,
    host: entry.key,
    student: entry.student,
    warnings: [] as string[],
  };
  let target: Target | undefined;
  try {
    if (entry.kind === "local") target = await createLocalTarget();
    else {
      const connectTimeoutS = Math.max(1, Math.min(options.ssh?.connectTimeoutS ?? DEFAULT_CONNECT_TIMEOUT_S, Math.ceil(options.hostTimeoutMs / 1000)));
      target = await createSshTarget(entry.destination, {
        ...options.ssh,
        ...(entry.identity ? { identity: entry.identity } : {}),
        connectTimeoutS,
      });
    }
    const result = await gradeTarget(target, options.checks, {
      batch: true,
      hostTimeoutMs: options.hostTimeoutMs,
      checkTimeoutS: options.checkTimeoutS,
      signal: options.signal,
    });
    const durationMs = Math.round(performance.now() - started);
    if ("error" in result) return errorGrade(base, target.name, result.error, options.checks, durationMs);
    return { ...base, target: target.name, status: "graded", ...scoreChecks(result.checks), checks: result.checks, durationMs, gradedAt: new Date().toISOString() };
  } catch (e) {
    const name = target?.name ?? (entry.kind === "local" ? "local" : `ssh://${entry.key}`);
    return errorGrade(base, name, `could not grade: ${(e as Error)?.message ?? String(e)}`, options.checks, Math.round(performance.now() - started));
  } finally {
    await target?.close().catch(() => undefined);
  }
}

/** The record of a host that could not be graded: no check verdicts, the whole lab's points as the maximum. */
export function errorGrade(
  base: Omit<HostGrade, "target" | "status" | "score" | "maxScore" | "checks" | "durationMs" | "gradedAt" | "error">,
  target: string,
  error: string,
  checks: GradedCheck[],
  durationMs: number,
): HostGrade {
  return {
    ...base,
    target,
    status: "error",
    error,
    score: 0,
    maxScore: labMaxScore(checks.map((g) => ({ maxPoints: g.check.spec.points }))),
    checks: [],
    durationMs,
    gradedAt: new Date().toISOString(),
  };
}
