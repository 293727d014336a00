// Runs `hostlab run` in-process against a scratch state directory, with a scripted prompter and captured output.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readRunFlags, type RunFlags } from "../../../../runner/modes/run/run-options.js";
import { startRun } from "../../../../runner/modes/run/start-run.js";
import { loadProgress, progressPath } from "../../../../runner/state/progress-store.js";
import { scriptedPrompter, type Answer } from "./scripted-prompter.js";

export const FIXTURES = path.resolve(import.meta.dirname, "../../../fixtures/run-mode");

export function scratchState(): string {
  return mkdtempSync(path.join(tmpdir(), "hostlab-run-"));
}

export interface RunOutcome {
  code: number;
  out: string;
  err: string;
  asked: string[];
}

/** Runs a lab with answers (or --yes when `script` is null); `state` is XDG_STATE_HOME. */
export async function runLab(lab: string, state: string, script: Answer[] | null, flags: RunFlags = {}, signal?: AbortSignal): Promise<RunOutcome> {
  let out = "";
  let err = "";
  const prompter = scriptedPrompter(script ?? []);
  const code = await startRun(lab, readRunFlags({ ...flags, yes: script === null || flags.yes }, { NO_COLOR: "1" }), {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    interactive: script !== null,
    env: { XDG_STATE_HOME: state, HOME: state },
    prompter: () => prompter,
    signal: signal ?? new AbortController().signal,
  });
  if (script && prompter.left().length) throw new Error(`unused answers: ${JSON.stringify(prompter.left())}\nasked:\n${prompter.asked.join("\n")}\n${out}`);
  return { code, out, err, asked: prompter.asked };
}

/** The saved progress of a lab in a state dir. */
export async function savedProgress(state: string, labId: string) {
  const r = await loadProgress(progressPath(path.join(state, "hostlab"), labId));
  if (r.kind !== "loaded") throw new Error(`no readable progress for ${labId}: ${JSON.stringify(r)}`);
  return r.progress;
}

export const run = { choose: "run" };
