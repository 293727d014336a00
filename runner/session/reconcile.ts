// A lab edited since the student's last sitting: the saved command log refers to steps and commands by position,
// and positions move when an author adds, removes or rewords a command. We keep what still means the same thing —
// a lab command whose text is still in the same step, every command the student typed themselves (their own work)
// — and drop the rest, saying what was dropped, so the replayed host is the one the edited lab expects.
import { checkName } from "../../checks/check.js";
import type { LabPlan } from "../play/plan.js";
import type { LogEntry, Progress } from "../state/progress-store.js";

export interface Reconciled {
  progress: Progress;
  /** Log entries left out of the replay, with why, for the student to read. */
  dropped: Array<{ entry: LogEntry; why: string }>;
  /** Check results dropped because their step or check is gone. */
  droppedChecks: number;
}

/** Maps saved progress onto an edited lab's plan (pure). */
export function reconcileProgress(progress: Progress, plan: LabPlan, newHash: string): Reconciled {
  const dropped: Reconciled["dropped"] = [];
  const used = plan.steps.map(() => new Set<number>());
  const log: LogEntry[] = [];
  for (const entry of progress.log) {
    const step = plan.steps[entry.step];
    if (!step) {
      dropped.push({ entry, why: `step ${entry.step + 1} is no longer in the lab` });
      continue;
    }
    if (entry.commandIndex === undefined) {
      log.push(entry); // the student's own command: their work, whatever the lab says now
      continue;
    }
    const index = findCommand(plan, entry, used[entry.step]);
    if (index === undefined) {
      dropped.push({ entry, why: `no longer in step ${entry.step + 1}` });
      continue;
    }
    used[entry.step].add(index);
    log.push({ ...entry, commandIndex: index });
  }

  const stepCount = plan.steps.length;
  const step = Math.min(progress.step, stepCount);
  let commandIndex = 0;
  if (step === progress.step && step < stepCount) {
    // Resume after the last lab command kept in this step (a skipped one counts: the student chose to pass it).
    const mine = log.filter((e) => e.step === step && e.commandIndex !== undefined).map((e) => e.commandIndex!);
    commandIndex = mine.length ? Math.max(...mine) + 1 : 0;
    if (progress.commandIndex >= (plan.steps[step]?.commands.length ?? 0)) commandIndex = plan.steps[step].commands.length;
  }

  const checks = progress.checks.filter((c) => plan.steps[c.step]?.checks.some((k) => checkName(k) === c.id));
  return {
    progress: { ...progress, lab: { ...progress.lab, hash: newHash }, step, commandIndex, log, checks, finishedAt: step < stepCount ? undefined : progress.finishedAt },
    dropped,
    droppedChecks: progress.checks.length - checks.length,
  };
}

// The same text in the same step: at the saved index if it is still there, else its first unused occurrence.
function findCommand(plan: LabPlan, entry: LogEntry, used: Set<number>): number | undefined {
  const commands = plan.steps[entry.step].commands;
  const at = entry.commandIndex!;
  if (commands[at]?.command === entry.command && !used.has(at)) return at;
  const i = commands.findIndex((c, k) => c.command === entry.command && !used.has(k));
  return i >= 0 ? i : undefined;
}
