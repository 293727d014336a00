// The outputs the book prints come from a real run: each lab is played on a fresh, seeded built-in host exactly as
// `hostlab test` plays it (runner/modes/test/run-lab.ts: same seed, same profile, checks self-tested around their
// step), and what each command printed is kept by its line in the lab file. A lab whose run fails is a failure of
// the book too, described with its step and diff (failure.ts).
import type { Lab } from "../runner/model/lab.js";
import { testLab } from "../runner/modes/test/run-lab.js";
import type { LabOutcome } from "../runner/report/results.js";
import { labPassed } from "../runner/report/results.js";

/** What one command printed at build time. */
export interface CapturedOutput {
  /** stdout and stderr as the terminal showed them. */
  output: string;
  exitCode: number;
  /** Whether it matched the notes' expected output (or had none to match). */
  matched: boolean;
}

export interface LabCapture {
  /** Command line in the lab file → what it printed. Commands that did not run (solutions) are absent. */
  outputs: Map<number, CapturedOutput>;
  outcome: LabOutcome;
  passed: boolean;
}

/** Plays the lab on the built-in host and keeps every command's output. */
export async function captureLab(lab: Lab): Promise<LabCapture> {
  const { outcome, actuals } = await testLab(lab);
  const failing = new Set(outcome.steps.flatMap((s) => s.commands.filter((c) => c.status === "fail").map((c) => c.line)));
  const outputs = new Map<number, CapturedOutput>();
  for (const a of actuals) outputs.set(a.line, { output: a.output, exitCode: a.exitCode, matched: !failing.has(a.line) });
  return { outputs, outcome, passed: labPassed(outcome) };
}
