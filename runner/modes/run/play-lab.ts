// The student's run through a lab, one decision at a time: show a step, offer each of its commands (run, type
// your own, edit, skip, hint, shell, quit), show what the host printed and whether it matches the notes, then gate
// the step on its checks. Every outcome is saved through the LabSession before the screen moves on.
//
// With no Prompter (`--yes`) every command runs as written and a failing check is recorded and passed over, so a
// demo or CI run always reaches the end.
import { checkName, type Verdict } from "../../../checks/check.js";
import type { Command } from "../../model/lab.js";
import type { PlannedStep } from "../../play/plan.js";
import type { CommandRun, LabPlayer } from "../../play/player.js";
import { asDeferred } from "../../session/deferred-target.js";
import type { CheckEntry, LabSession } from "../../session/lab-session.js";
import { HintCursor, stepHints } from "./hints.js";
import { Interrupted, type Choice, type Prompter } from "./prompter.js";
import type { Screen } from "./screen.js";
import { stepItems } from "./step-view.js";

export type CommandAction = "run" | "own" | "edit" | "skip" | "hint" | "shell" | "quit";
export type CheckAction = "retry" | "hint" | "shell" | "skip" | "quit";

export const COMMAND_CHOICES: ReadonlyArray<Choice<CommandAction>> = [
  { value: "run", name: "Run it" },
  { value: "own", name: "Type my own command" },
  { value: "edit", name: "Edit it, then run" },
  { value: "skip", name: "Skip it" },
  { value: "hint", name: "Hint" },
  { value: "shell", name: "Open a shell on the host" },
  { value: "quit", name: "Quit (progress is saved)" },
];

export const CHECK_CHOICES: ReadonlyArray<Choice<CheckAction>> = [
  { value: "retry", name: "Re-check" },
  { value: "hint", name: "Hint" },
  { value: "shell", name: "Open a shell to fix it, then re-check" },
  { value: "skip", name: "Skip the check (recorded as skipped)" },
  { value: "quit", name: "Quit (progress is saved)" },
];

export interface PlayOptions {
  player: LabPlayer;
  session: LabSession;
  screen: Screen;
  /** null runs every command and check without asking (`--yes`). */
  prompter: Prompter | null;
  /** Aborted on Ctrl-C / SIGTERM while a command runs: the command stops and the run leaves. */
  signal: AbortSignal;
}

export type PlayOutcome = "finished" | "quit" | "interrupted";

export interface PlayResult {
  outcome: PlayOutcome;
  /** Commands whose output differed and checks that failed, in this sitting. */
  failures: number;
}

class Quit extends Error {}

/** Plays the lab from the session's saved position to the end, or until the student leaves. */
export async function playLab(options: PlayOptions): Promise<PlayResult> {
  const play = new Play(options);
  try {
    await play.all();
    return { outcome: "finished", failures: play.failures };
  } catch (e) {
    if (e instanceof Quit) return { outcome: "quit", failures: play.failures };
    if (e instanceof Interrupted) return { outcome: "interrupted", failures: play.failures };
    throw e;
  } finally {
    await options.session.flush();
  }
}

class Play {
  failures = 0;
  private hints!: HintCursor;

  constructor(private readonly o: PlayOptions) {}

  private get steps(): PlannedStep[] {
    return this.o.player.plan.steps;
  }

  async all(): Promise<void> {
    const { session } = this.o;
    while (session.progress.step < this.steps.length) await this.step(session.progress.step);
    if (!session.progress.finishedAt) await session.moveTo(this.steps.length, 0, true);
  }

  private async step(s: number): Promise<void> {
    const { player, screen, session } = this.o;
    const planned = this.steps[s];
    screen.header(player.plan.lab.title ?? player.plan.lab.id, s, this.steps.length, planned.step.title);
    await player.enterStep(s);
    this.hints = new HintCursor(stepHints(planned));
    let afterText = false;
    for (const item of stepItems(planned)) {
      if (item.kind === "text") screen.markdown(item.markdown);
      else if (item.kind === "code") screen.code(item.text, item.label);
      else {
        if (afterText) screen.line(); // the text ends, the terminal part begins
        if (item.index < session.progress.commandIndex) screen.doneCommand(item.command.command);
        else await this.offer(s, item.index, item.command);
      }
      afterText = item.kind !== "command";
    }
    await this.gate(s);
  }

  // Offers one of the lab's commands until it is run or skipped.
  private async offer(s: number, index: number, command: Command): Promise<void> {
    const { screen, prompter } = this.o;
    const count = this.steps[s].commands.length;
    asDeferred(this.o.player.target).warmUp?.(); // a new host boots while the student reads the menu
    this.warnIfOtherShell(command);
    for (;;) {
      const action: CommandAction = prompter
        ? await prompter.choose(`Command ${index + 1}/${count}: ${command.command}`, COMMAND_CHOICES, "run")
        : "run";
      switch (action) {
        case "run":
          await this.typeLab(s, index, command);
          return;
        case "edit": {
          const line = (await prompter!.input("Edit the command:", command.command)).trim();
          if (!line) break;
          await this.typeLab(s, index, line === command.command ? command : { ...command, command: line });
          return;
        }
        case "own": {
          const line = (await prompter!.input("Your command:")).trim();
          if (line === command.command) {
            await this.typeLab(s, index, command); // typed out by hand, it is still the lab's command
            return;
          }
          if (line) await this.typeOwn(s, line);
          break;
        }
        case "skip":
          await this.o.session.recordCommand(
            { step: s, commandIndex: index, command: command.command, exitCode: 0, verdict: "skipped" },
            { step: s, commandIndex: index + 1 },
          );
          screen.line(screen.chalk.dim("skipped"));
          return;
        case "hint":
          this.showHint();
          break;
        case "shell":
          await this.shell(s);
          break;
        case "quit":
          throw new Quit();
      }
    }
  }

  private async typeLab(s: number, index: number, command: Command): Promise<void> {
    const run = await this.type(command);
    await this.o.session.recordCommand(
      { step: s, commandIndex: index, command: run.line, exitCode: run.result.exitCode, verdict: run.status },
      { step: s, commandIndex: index + 1 },
    );
    this.o.screen.verdict(run);
    if (run.status === "fail") this.failures++;
  }

  private async typeOwn(s: number, line: string): Promise<CommandRun> {
    const run = await this.type(line);
    const { progress } = this.o.session;
    await this.o.session.recordCommand(
      { step: s, command: run.line, exitCode: run.result.exitCode, verdict: run.status },
      { step: progress.step, commandIndex: progress.commandIndex },
    );
    return run;
  }

  // Types on the host, echoing prompt and command as a terminal would. A command cut short by Ctrl-C is not
  // recorded: the run leaves, and the next sitting's replay never saw it.
  private async type(command: Command | string): Promise<CommandRun> {
    const { player, screen, signal } = this.o;
    if (signal.aborted) throw new Interrupted();
    await asDeferred(player.target).ready?.();
    const line = typeof command === "string" ? command : command.command;
    screen.line(screen.chalk.dim(player.target.prompt()) + line);
    const run = await player.type(command, { signal });
    if (signal.aborted) throw new Interrupted();
    screen.output(run.result);
    return run;
  }

  // A free prompt on the same host, until an empty line, `:back` or Ctrl-D.
  private async shell(s: number): Promise<void> {
    const { player, screen, prompter } = this.o;
    if (!prompter) return;
    screen.note("A shell on the lab's host. An empty line or :back returns to the lab.");
    await asDeferred(player.target).ready?.();
    for (;;) {
      const line = await prompter.shellLine(player.target.prompt());
      const trimmed = line?.trim();
      if (!trimmed || trimmed === ":back") return;
      const run = await player.type(trimmed, { signal: this.o.signal });
      if (this.o.signal.aborted) throw new Interrupted();
      screen.output(run.result);
      const { progress } = this.o.session;
      await this.o.session.recordCommand(
        { step: s, command: trimmed, exitCode: run.result.exitCode, verdict: run.status },
        { step: progress.step, commandIndex: progress.commandIndex },
      );
    }
  }

  // The notes say which shell a command belongs in (the host's, or a container's opened by `podman exec -it`). A
  // student who left a container shell early, or opened one of their own, is told before typing into the wrong one.
  private warnIfOtherShell(command: Command): void {
    const target = this.o.player.target as { depth?: () => number };
    const depth = target.depth?.();
    if (depth === undefined) return;
    const here = depth - 1;
    const wanted = command.session.depth;
    if (here === wanted) return;
    const where = (d: number) => (d === 0 ? "the host's shell" : d === 1 ? "a nested shell (a container's, say)" : `a shell nested ${d} deep`);
    this.o.screen.warn(`The notes run this in ${where(wanted)}; you are in ${where(here)}.${here > wanted ? " `exit` leaves a shell." : ""}`);
  }

  private showHint(): void {
    const hint = this.hints.take();
    if ("none" in hint) this.o.screen.note(hint.none);
    else this.o.screen.hint(hint.markdown, this.hints.position());
  }

  // The step's visible checks; a failing one blocks the way on until it passes or the student skips it.
  private async gate(s: number): Promise<void> {
    const { player, screen, session, prompter } = this.o;
    const checks = this.steps[s].checks.filter((c) => !c.spec.hidden);
    const next = { step: s + 1, commandIndex: 0 };
    if (checks.length === 0) {
      await session.moveTo(next.step, next.commandIndex);
      return;
    }
    for (;;) {
      if (this.o.signal.aborted) throw new Interrupted();
      const verdicts = await player.check(s, checks);
      screen.checks(checks, verdicts);
      const entries = checkEntries(s, checks, verdicts);
      const blocking = verdicts.some((v) => v.status === "fail" || v.status === "error");
      if (!blocking) {
        await session.recordChecks(s, entries, next);
        return;
      }
      if (!prompter) {
        this.failures++;
        await session.recordChecks(s, entries, next);
        return;
      }
      await session.recordChecks(s, entries);
      const action = await this.afterFailure();
      if (action === "skip") {
        const skipped = entries.map((e) => (e.status === "fail" || e.status === "error" ? { ...e, status: "skipped" as const, points: 0 } : e));
        await session.recordChecks(s, skipped, next);
        screen.line(screen.chalk.dim("check skipped"));
        return;
      }
      if (action === "shell") await this.shell(s);
    }
  }

  private async afterFailure(): Promise<"retry" | "shell" | "skip"> {
    for (;;) {
      const action = await this.o.prompter!.choose("A check failed. What now?", CHECK_CHOICES, "retry");
      if (action === "hint") this.showHint();
      else if (action === "quit") throw new Quit();
      else return action;
    }
  }
}

/** A step's verdicts as saved progress records them. */
export function checkEntries(step: number, checks: PlannedStep["checks"], verdicts: Verdict[]): CheckEntry[] {
  return checks.map((check, i) => ({
    step,
    id: checkName(check),
    status: verdicts[i]?.status ?? "error",
    points: verdicts[i]?.points ?? 0,
    maxPoints: verdicts[i]?.maxPoints ?? check.spec.points,
  }));
}
