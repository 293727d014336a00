// Plays a planned lab on a target, one action at a time: prepare the host (front matter files and setup), enter a
// step (write its files), type a command and judge its output against the notes, run the step's checks. The
// student's interactive mode, the author's test mode and the shell's `--lab` mode all drive this one object, so a
// lab behaves the same in each.
import { runChecks, type Check, type Verdict } from "../../checks/check.js";
import { createTranscriptSession, matchTranscript, type MatchResult, type TranscriptSession } from "../../checks/transcript/index.js";
import type { Command } from "../model/lab.js";
import type { CommandResult, RunOptions, Target } from "../targets/target.js";
import type { LabPlan } from "./plan.js";

export type CommandStatus = "pass" | "fail" | "not-checked";

export interface CommandRun {
  /** The lab's command, or null when the student typed their own. */
  command: Command | null;
  line: string;
  /** The prompt shown before the command ran. */
  prompt: string;
  result: CommandResult;
  /** The transcript match, when the notes give expected output. */
  match: MatchResult | null;
  status: CommandStatus;
  /** Why it failed, in one line ("output differs", "command not found on this host"). */
  reason: string;
  durationMs: number;
}

// bash's exit statuses for "found but not executable" and "not found": a lab that hits them on the built-in host has
// met a gap in the simulation or a typo, whatever it printed.
const NOT_RUNNABLE = new Set([126, 127]);

export class LabPlayer {
  private transcripts: TranscriptSession = createTranscriptSession();
  private preparedSteps = new Set<number>();

  constructor(
    readonly plan: LabPlan,
    readonly target: Target,
  ) {}

  /** Writes the front matter's files and runs its setup commands, silently. Returns setup commands that failed. */
  async prepare(): Promise<Array<{ command: string; result: CommandResult }>> {
    for (const f of this.plan.files) await this.target.writeFile(f.path, f.content);
    const failed: Array<{ command: string; result: CommandResult }> = [];
    for (const command of this.plan.setup) {
      const result = await this.target.run(command);
      if (result.exitCode !== 0) failed.push({ command, result });
    }
    return failed;
  }

  /** Writes the step's `file=` blocks (once per step, however often it is entered). */
  async enterStep(index: number): Promise<void> {
    if (this.preparedSteps.has(index)) return;
    this.preparedSteps.add(index);
    for (const f of this.plan.steps[index]?.files ?? []) await this.target.writeFile(f.path, f.content);
  }

  /** Types a command (the lab's, or the student's own line) and judges its output against the notes. */
  async type(command: Command | string, options: RunOptions = {}): Promise<CommandRun> {
    const line = typeof command === "string" ? command : command.command;
    const prompt = this.target.prompt();
    const started = performance.now();
    const result = await this.target.run(line, options);
    const durationMs = performance.now() - started;
    const lab = typeof command === "string" ? null : command;
    const base = { command: lab, line, prompt, result, durationMs };
    if (NOT_RUNNABLE.has(result.exitCode)) {
      const first = (result.stderr || result.stdout).trim().split("\n")[0] ?? "";
      return { ...base, match: null, status: lab ? "fail" : "not-checked", reason: first || `exit status ${result.exitCode}` };
    }
    if (!lab || (lab.expectedOutput.length === 0 && !lab.echo)) return { ...base, match: null, status: "not-checked", reason: "" };
    const match = matchTranscript(this.transcripts, {
      command: line,
      expected: lab.expectedOutput.join("\n"),
      actual: combined(result),
      promptEcho: lab.echo ? lab.echo.prompt.text + lab.echo.command : undefined,
      actualPrompt: prompt,
    });
    return { ...base, match, status: match.ok ? "pass" : "fail", reason: match.ok ? "" : "the output differs from the notes" };
  }

  /** Runs checks (by default the step's) on the target, through its probe channel. */
  async check(index: number, checks: Check[] = this.plan.steps[index]?.checks ?? []): Promise<Verdict[]> {
    return runChecks(checks, (command) => this.target.probe(command));
  }
}

/** What the terminal showed: stdout and stderr in the order they were written. */
export function combined(result: CommandResult): string {
  if (result.output && result.output.length) return result.output.map((c) => c.text).join("");
  return result.stdout + result.stderr;
}
