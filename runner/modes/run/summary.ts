// The closing summary of a sitting: how far the student got and what the checks say, from the saved progress (so a
// resumed lab counts the work of earlier sittings too).
import type { LabPlan } from "../../play/plan.js";
import type { Progress } from "../../state/progress-store.js";

export interface RunSummary {
  steps: number;
  /** Steps finished with every visible check passing (or not applicable); skipped checks don't pass a step. */
  stepsPassed: number;
  checks: number;
  checksPassed: number;
  checksSkipped: number;
  points: number;
  maxPoints: number;
  commandsRun: number;
  commandsFailed: number;
  activeMs: number;
}

/** Counts what the progress records against the lab's plan. */
export function summarize(plan: LabPlan, progress: Progress): RunSummary {
  const visible = plan.steps.map((s) => s.checks.filter((c) => !c.spec.hidden));
  let stepsPassed = 0;
  plan.steps.forEach((_, i) => {
    if (i >= progress.step) return;
    const results = progress.checks.filter((c) => c.step === i);
    if (results.every((c) => c.status === "pass" || c.status === "not-applicable")) stepsPassed++;
  });
  const maxPoints = visible.flat().reduce((sum, c) => sum + c.spec.points, 0);
  const ran = progress.log.filter((e) => e.verdict !== "skipped");
  return {
    steps: plan.steps.length,
    stepsPassed,
    checks: visible.flat().length,
    checksPassed: progress.checks.filter((c) => c.status === "pass").length,
    checksSkipped: progress.checks.filter((c) => c.status === "skipped").length,
    points: progress.checks.reduce((sum, c) => sum + (c.status === "pass" ? c.points : 0), 0),
    maxPoints,
    commandsRun: ran.length,
    commandsFailed: ran.filter((e) => e.verdict === "fail").length,
    activeMs: progress.activeMs ?? 0,
  };
}

/** "1h 02m", "3m 12s", "8s". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
}
