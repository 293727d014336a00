// What a test or grading run found, as plain data: labs → steps → commands and checks. Every reporter (terminal
// tree, JSON, JUnit, TAP) is a pure function of these records, so they always agree with each other.

export type Status = "pass" | "fail" | "skipped" | "not-applicable" | "error";

export interface CommandOutcome {
  command: string;
  /** Line of the command in the lab file. */
  line: number;
  status: Status;
  exitCode: number;
  /** The transcript diff when the output did not match, else empty. */
  diff: string;
  durationMs: number;
}

export interface CheckOutcome {
  id: string;
  title: string;
  line: number;
  status: Status;
  points: number;
  maxPoints: number;
  message: string;
}

export interface StepOutcome {
  title: string;
  line: number;
  commands: CommandOutcome[];
  checks: CheckOutcome[];
}

export interface LabOutcome {
  id: string;
  path: string;
  title: string;
  durationMs: number;
  steps: StepOutcome[];
  /** Problems with the lab itself (it does not parse, a check cannot fail …), each with its location. */
  errors: Array<{ line: number; message: string }>;
}

export interface Totals {
  labs: number;
  passed: number;
  failed: number;
  skipped: number;
  errors: number;
}

/** Whether a lab passed as a whole: no lab errors, no failing command or check. */
export function labPassed(lab: LabOutcome): boolean {
  return lab.errors.length === 0 && lab.steps.every((s) => [...s.commands, ...s.checks].every((x) => !isFailure(x.status)));
}

/** Failures are what make `hostlab test` exit 1; skipped and not-applicable are reported but do not fail. */
export function isFailure(status: Status): boolean {
  return status === "fail" || status === "error";
}

/** Counts over every command and check of every lab. */
export function totals(labs: LabOutcome[]): Totals {
  const t: Totals = { labs: labs.length, passed: 0, failed: 0, skipped: 0, errors: 0 };
  for (const lab of labs) {
    t.errors += lab.errors.length;
    for (const step of lab.steps) {
      for (const item of [...step.commands, ...step.checks]) {
        if (item.status === "pass") t.passed++;
        else if (item.status === "fail") t.failed++;
        else if (item.status === "error") t.errors++;
        else t.skipped++;
      }
    }
  }
  return t;
}
