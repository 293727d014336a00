// Grading one host: send the probes of every check — each distinct probe once, all in one batch script, so a host
// over SSH costs one round trip — then judge each check from its share of the answers. A host that cannot be asked
// (refused, unreachable, timed out) gives one error with the reason, never a row of silent zeros.
import { checkName, checkProbes, evaluateCheck, type Verdict } from "../../../checks/check.js";
import { PROBE_MISSING, runProbes, type CommandResult, type RunProbe } from "../../../checks/probe.js";
import { escapeHostText } from "../../report/grade-escape.js";
import type { CheckGrade } from "../../report/grade-results.js";
import { SshTargetError } from "../../targets/ssh.js";
import type { Target } from "../../targets/target.js";
import type { GradedCheck } from "./graded-checks.js";
import { probeTimedOut, withProbeTimeout } from "./probe-timeout.js";

export interface GradeTargetOptions {
  /** all probes in one script (SSH, local); the built-in host answers each probe in-process */
  batch: boolean;
  /** the whole host's limit (milliseconds) */
  hostTimeoutMs?: number;
  /** each probe's limit (seconds), enforced on the host with timeout(1) */
  checkTimeoutS?: number;
  signal?: AbortSignal;
}

export type TargetGrade = { checks: CheckGrade[] } | { error: string };

/** Runs every check on `target` and returns a grade per check, or the reason the host could not be graded. */
export async function gradeTarget(target: Target, checks: GradedCheck[], options: GradeTargetOptions): Promise<TargetGrade> {
  const plans = checks.map((g) => checkProbes(g.check));
  const unique = [...new Set(plans.flat())];
  let hostError: string | undefined;
  const run: RunProbe = async (command) => {
    try {
      return await target.probe(command, { timeoutMs: options.hostTimeoutMs, signal: options.signal });
    } catch (e) {
      hostError ??= e instanceof SshTargetError ? e.reason : `the probes could not run: ${(e as Error)?.message ?? String(e)}`;
      throw e;
    }
  };
  const sent = options.checkTimeoutS ? unique.map((c) => withProbeTimeout(c, options.checkTimeoutS!)) : unique;
  const answers = await runProbes(sent, run, options.batch);
  if (options.signal?.aborted) return { error: "interrupted" };
  if (hostError) return { error: escapeHostText(hostError, 500) };
  if (answers.length > 0 && answers.every((a) => a.exitCode === PROBE_MISSING)) {
    return { error: "the host's answer ended before the first probe's (it hung up, or the host timeout stopped it)" };
  }
  const byCommand = new Map(unique.map((c, i) => [c, answers[i]]));
  return {
    checks: checks.map((g, i) => {
      const results = plans[i].map((c) => byCommand.get(c)!);
      return toCheckGrade(g, judge(g, results, plans[i], options.checkTimeoutS));
    }),
  };
}

function judge(g: GradedCheck, results: CommandResult[], probes: string[], checkTimeoutS: number | undefined): Verdict {
  const cleaned: CommandResult[] = [];
  for (let i = 0; i < results.length; i++) {
    const t = probeTimedOut(results[i].stderr);
    if (t.timedOut) {
      return {
        status: "error",
        points: 0,
        maxPoints: g.check.spec.points,
        message: `a probe did not finish within ${checkTimeoutS} s (--check-timeout): ${probes[i].split("\n")[0]}`,
        evidence: "",
      };
    }
    cleaned.push({ ...results[i], stderr: t.stderr });
  }
  return evaluateCheck(g.check, cleaned);
}

function toCheckGrade(g: GradedCheck, v: Verdict): CheckGrade {
  return {
    id: checkName(g.check),
    title: g.check.spec.title,
    step: g.step,
    stepTitle: g.stepTitle,
    line: g.check.origin.line,
    hidden: g.check.spec.hidden,
    status: v.status,
    points: v.points,
    maxPoints: v.maxPoints,
    message: escapeHostText(v.message),
    evidence: escapeHostText(v.evidence),
  };
}
