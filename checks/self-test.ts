// Self-test of a lab's checks: a check must fail on a fresh host before its step runs, and pass after. A check
// that passes before its step can't tell a student who did the step from one who didn't; one that fails after
// can never be passed. Both are lab errors, found by `hostlab test` (the runner supplies the two hosts).
import { checkName, runCheck, type Check } from "./check.js";
import type { RunProbe } from "./probe.js";
import type { Verdict } from "./typed/check-type.js";

/** The outcome of self-testing one check. */
export interface SelfTestResult {
  check: Check;
  /** true when the check failed before and passed after */
  ok: boolean;
  before: Verdict;
  after: Verdict;
  /** lab errors, one sentence each, naming the check */
  problems: string[];
}

/** Runs `check` on the host before its step and on the host after it; reports what makes it useless. */
export async function selfTestCheck(check: Check, hosts: { before: RunProbe; after: RunProbe }): Promise<SelfTestResult> {
  const before = await runCheck(check, hosts.before);
  const after = await runCheck(check, hosts.after);
  const name = checkName(check);
  const problems: string[] = [];
  if (before.status === "pass") problems.push(`check '${name}' passes before its step runs: it cannot fail (${before.message})`);
  if (before.status === "error") problems.push(`check '${name}' could not be judged before its step runs: ${before.message}`);
  if (after.status === "fail") problems.push(`check '${name}' fails after its step runs: ${after.message}`);
  if (after.status === "error") problems.push(`check '${name}' could not be judged after its step runs: ${after.message}`);
  if (after.status === "not-applicable") problems.push(`check '${name}' is not applicable on the test host: ${after.message}`);
  return { check, ok: problems.length === 0, before, after, problems };
}
