// The self-test judges each check twice, on the host before its step and after it. Both hosts are gone by the time
// it judges, so their answers are recorded here: every distinct probe of the step's checks, asked once.
import { checkProbes, type Check } from "../../../checks/check.js";
import type { CommandResult } from "../../../checks/probe.js";
import type { Target } from "../../targets/target.js";

/** Asks the target every probe of `checks` once; the answers by command. */
export async function recordProbes(target: Target, checks: readonly Check[]): Promise<Map<string, CommandResult>> {
  const answers = new Map<string, CommandResult>();
  for (const command of new Set(checks.flatMap(checkProbes))) answers.set(command, await target.probe(command));
  return answers;
}
