// A student's sitting with one lab, as it is written down: every command run, every skip, every check result and
// every move to another step is saved (atomically, see state/atomic-write.ts) before the screen moves on, so that
// killing hostlab at any moment loses at most the command that was running.
import type { LogEntry, Progress } from "../state/progress-store.js";
import { saveProgress } from "../state/progress-store.js";

export type CheckEntry = Progress["checks"][number];

export class LabSession {
  private readonly sittingStarted = performance.now();
  private readonly activeBefore: number;
  // Saves go one after another: the last one written is always the newest state.
  private saving: Promise<void> = Promise.resolve();

  constructor(
    /** The state file. */
    readonly path: string,
    private current: Progress,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.activeBefore = current.activeMs ?? 0;
  }

  get progress(): Progress {
    return this.current;
  }

  /** Milliseconds spent with the lab open, this sitting included. */
  activeMs(): number {
    return this.activeBefore + (performance.now() - this.sittingStarted);
  }

  /** Records a command (run or skipped) and where the student is next. */
  async recordCommand(entry: LogEntry, next: { step: number; commandIndex: number }): Promise<void> {
    await this.update({ log: [...this.current.log, entry], ...next });
  }

  /** Records a step's check results (replacing earlier ones of that step), and optionally where to go next. */
  async recordChecks(step: number, results: CheckEntry[], next?: { step: number; commandIndex: number }): Promise<void> {
    const kept = this.current.checks.filter((c) => c.step !== step);
    await this.update({ checks: [...kept, ...results], ...next });
  }

  /** Moves to another step (or to the end: step = number of steps). */
  async moveTo(step: number, commandIndex = 0, finished = false): Promise<void> {
    await this.update({ step, commandIndex, ...(finished ? { finishedAt: this.now().toISOString() } : {}) });
  }

  /** Writes the current state again (e.g. on leaving, to keep the time spent). */
  async flush(): Promise<void> {
    await this.update({});
  }

  private update(change: Partial<Progress>): Promise<void> {
    this.current = { ...this.current, ...change, updatedAt: this.now().toISOString(), activeMs: Math.round(this.activeMs()) };
    const snapshot = this.current;
    this.saving = this.saving.catch(() => undefined).then(() => saveProgress(this.path, snapshot));
    return this.saving;
  }
}
