// Rebuilding the built-in host from a command log. The engine is deterministic for a seed, so booting a fresh host
// with the saved seed and profile and typing the same lines in the same order gives the same host: same container
// ids, same MCS pairs, same files. Commands go through the player, not the bare target, so the transcript matcher
// relearns the bindings (this id in the notes is that id in the run) that later commands are judged with.
//
// Output is not shown: the student saw it the first time.
import type { Command } from "../model/lab.js";
import type { LabPlayer } from "../play/player.js";
import type { LogEntry } from "../state/progress-store.js";

export interface ReplayResult {
  /** Commands typed again (skipped ones are not). */
  replayed: number;
  /** Commands whose exit status differs from the saved one: a sign the host or the engine changed underneath. */
  diverged: Array<{ entry: LogEntry; exitCode: number }>;
}

/** Prepares the host and types the log again, up to and including entering `atStep`. */
export async function replayLog(player: LabPlayer, log: readonly LogEntry[], atStep: number, signal?: AbortSignal): Promise<ReplayResult> {
  await player.prepare();
  const result: ReplayResult = { replayed: 0, diverged: [] };
  // Students only move forward, so every step up to the one a command belongs to was entered (its files written)
  // before that command ran, even steps whose commands were all skipped.
  let entered = -1;
  const enterUpTo = async (step: number) => {
    const last = Math.min(step, player.plan.steps.length - 1);
    while (entered < last) await player.enterStep(++entered);
  };
  for (const entry of log) {
    if (signal?.aborted) break;
    if (entry.verdict === "skipped") continue;
    await enterUpTo(entry.step);
    const run = await player.type(labCommand(player, entry) ?? entry.command, { signal });
    result.replayed++;
    if (run.result.exitCode !== entry.exitCode) result.diverged.push({ entry, exitCode: run.result.exitCode });
  }
  await enterUpTo(atStep);
  return result;
}

// The lab's command for an entry, with the text the student actually ran (they may have edited it), so it is judged
// against the notes as it was the first time.
function labCommand(player: LabPlayer, entry: LogEntry): Command | undefined {
  if (entry.commandIndex === undefined) return undefined;
  const command = player.plan.steps[entry.step]?.commands[entry.commandIndex];
  return command ? { ...command, command: entry.command } : undefined;
}
