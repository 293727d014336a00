// Why a lab's run failed, in the words the book's build stops with: the lab, the step, the command or check, and
// the transcript diff. The same lines go into the page's banner when `--allow-failing` lets the build go on.
import { isFailure, type LabOutcome } from "../runner/report/results.js";

/** One thing that failed, located in the lab file. */
export interface LabFailure {
  /** The step's title, or null for a problem with the lab as a whole. */
  step: string | null;
  line: number;
  /** What failed, in one line: "command `ps -efZ` (line 50): output differs". */
  what: string;
  /** The transcript diff or the check's message, possibly several lines; "" when none. */
  detail: string;
}

/** Every failure of a lab's run, in file order. */
export function labFailures(outcome: LabOutcome): LabFailure[] {
  const out: LabFailure[] = outcome.errors.map((e) => ({ step: null, line: e.line, what: `line ${e.line}: ${e.message}`, detail: "" }));
  for (const step of outcome.steps) {
    for (const c of step.commands) {
      if (!isFailure(c.status)) continue;
      out.push({ step: step.title, line: c.line, what: `command \`${c.command}\` (line ${c.line}): the output differs from the notes`, detail: c.diff });
    }
    for (const c of step.checks) {
      if (!isFailure(c.status)) continue;
      out.push({ step: step.title, line: c.line, what: `check "${c.title}" (line ${c.line}) ${c.status === "error" ? "is broken" : "failed"}`, detail: c.message });
    }
  }
  return out;
}

/** The failures as the text the build prints: lab, then each step, command or check, and its diff indented. */
export function describeFailures(file: string, failures: LabFailure[]): string {
  const lines = [`${file}: the lab's run on the built-in host failed`];
  let step: string | null | undefined;
  for (const f of failures) {
    if (f.step !== step) {
      step = f.step;
      if (step !== null) lines.push(`  step "${step}"`);
    }
    const indent = f.step === null ? "  " : "    ";
    lines.push(indent + f.what);
    for (const d of f.detail.split("\n").filter((l) => l.trim())) lines.push(`${indent}  ${d}`);
  }
  return lines.join("\n");
}
