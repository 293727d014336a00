// `hostlab shell --lab <lab>`: a free shell on the lab's host as the student left it (the saved log replayed), with
// a few `:` commands to keep the lab going — `:check` runs the step's checks, `:next` moves on once they pass.
// Whatever is typed here is saved into the same progress `hostlab run` uses, so the two modes can be mixed: fix
// something by hand here, and `hostlab run` resumes on that host.
//
// A line that is exactly the step's next command is taken as that command: judged against the notes and counted,
// as in `hostlab run`.
import { checkName } from "../../../checks/check.js";
import type { PlannedStep } from "../../play/plan.js";
import type { LabPlayer } from "../../play/player.js";
import type { LabSession } from "../../session/lab-session.js";
import { HintCursor, stepHints } from "../run/hints.js";
import { checkEntries } from "../run/play-lab.js";
import type { Screen } from "../run/screen.js";
import { stepItems } from "../run/step-view.js";
import type { LineReader } from "./line-reader.js";

export const LAB_SHELL_HELP = [
  ":check   run this step's checks",
  ":next    run the checks and, when they pass, go on to the next step",
  ":skip    go on to the next step even though a check fails (recorded as skipped)",
  ":hint    the step's next hint",
  ":step    show the step's text again",
  ":help    this list",
  ":quit    leave (Ctrl-D too); your progress is saved",
].join("\n");

export interface LabShellOptions {
  player: LabPlayer;
  session: LabSession;
  screen: Screen;
  reader: LineReader;
}

/** Reads lines until end of input or `:quit`. */
export async function labShell(o: LabShellOptions): Promise<void> {
  const shell = new LabShell(o);
  await shell.loop();
}

class LabShell {
  private hints: HintCursor;

  constructor(private readonly o: LabShellOptions) {
    this.hints = new HintCursor(this.planned ? stepHints(this.planned) : []);
  }

  private get step(): number {
    return this.o.session.progress.step;
  }

  private get planned(): PlannedStep | undefined {
    return this.o.player.plan.steps[this.step];
  }

  async loop(): Promise<void> {
    this.where();
    for (;;) {
      const line = await this.o.reader.read(this.o.player.target.prompt());
      if (line === null) return;
      const trimmed = line.trim();
      if (!trimmed) continue;
      if (trimmed.startsWith(":")) {
        if ((await this.meta(trimmed)) === "quit") return;
        continue;
      }
      await this.type(trimmed);
    }
  }

  private where(): void {
    const { screen, player } = this.o;
    const title = player.plan.lab.title ?? player.plan.lab.id;
    if (!this.planned) {
      screen.note(`${title}: all ${player.plan.steps.length} steps done; this shell is on the lab's final host. :help lists the : commands.`);
      return;
    }
    screen.note(`${title} · step ${this.step + 1} of ${player.plan.steps.length}: ${this.planned.step.title}. :check checks it, :next moves on, :help for more.`);
  }

  private async meta(line: string): Promise<"quit" | void> {
    const { screen } = this.o;
    const word = line.slice(1).split(/\s+/)[0].toLowerCase();
    switch (word) {
      case "check":
        await this.check();
        return;
      case "next":
        if ((await this.check()) === "pass") await this.advance(false);
        else if (this.planned) screen.note("Not yet: fix what the checks say, or :skip to go on anyway.");
        return;
      case "skip":
        await this.advance(true);
        return;
      case "hint": {
        const hint = this.hints.take();
        if ("none" in hint) screen.note(hint.none);
        else screen.hint(hint.markdown, this.hints.position());
        return;
      }
      case "step":
        this.showStep();
        return;
      case "help":
        screen.line(LAB_SHELL_HELP);
        return;
      case "quit":
      case "q":
      case "exit":
        return "quit";
      default:
        screen.warn(`${line}: not a lab shell command; :help lists them`);
    }
  }

  private async type(line: string): Promise<void> {
    const { player, session, screen, reader } = this.o;
    const s = this.step;
    const index = session.progress.commandIndex;
    const next = this.planned?.commands[index];
    const controller = new AbortController();
    reader.onInterrupt(() => controller.abort());
    try {
      const run = await player.type(next && next.command === line ? next : line, { signal: controller.signal });
      screen.output(run.result);
      if (controller.signal.aborted) {
        screen.warn("(interrupted; not saved, so it will not be replayed)");
        return;
      }
      const isLab = run.command !== null && s < player.plan.steps.length;
      if (isLab) screen.verdict(run);
      await session.recordCommand(
        { step: Math.min(s, player.plan.steps.length - 1), ...(isLab ? { commandIndex: index } : {}), command: line, exitCode: run.result.exitCode, verdict: run.status },
        { step: s, commandIndex: isLab ? index + 1 : index },
      );
    } finally {
      reader.onInterrupt(null);
    }
  }

  // Runs the step's visible checks and saves their results; "pass" when none blocks.
  private async check(): Promise<"pass" | "fail"> {
    const { player, session, screen } = this.o;
    const planned = this.planned;
    if (!planned) {
      screen.note("All steps are done.");
      return "fail";
    }
    const checks = planned.checks.filter((c) => !c.spec.hidden);
    if (checks.length === 0) {
      screen.note("This step has no checks.");
      return "pass";
    }
    const verdicts = await player.check(this.step, checks);
    screen.checks(checks, verdicts);
    await session.recordChecks(this.step, checkEntries(this.step, checks, verdicts));
    return verdicts.some((v) => v.status === "fail" || v.status === "error") ? "fail" : "pass";
  }

  private async advance(skipping: boolean): Promise<void> {
    const { player, session, screen } = this.o;
    const s = this.step;
    if (!this.planned) return;
    if (skipping) {
      const kept = session.progress.checks.filter((c) => c.step === s);
      const skipped = this.planned.checks
        .filter((c) => !c.spec.hidden)
        .map((c) => kept.find((k) => k.id === checkName(c)) ?? { step: s, id: checkName(c), status: "fail" as const, points: 0, maxPoints: c.spec.points })
        .map((e) => (e.status === "pass" || e.status === "not-applicable" ? e : { ...e, status: "skipped" as const, points: 0 }));
      await session.recordChecks(s, skipped);
    }
    const finished = s + 1 >= player.plan.steps.length;
    await session.moveTo(s + 1, 0, finished);
    if (!finished) await player.enterStep(s + 1);
    this.hints = new HintCursor(this.planned ? stepHints(this.planned) : []);
    screen.line();
    this.where();
    if (!finished) this.showStep();
  }

  private showStep(): void {
    const { screen } = this.o;
    if (!this.planned) return;
    for (const item of stepItems(this.planned)) {
      if (item.kind === "text") screen.markdown(item.markdown);
      else if (item.kind === "code") screen.code(item.text, item.label);
      else screen.line(screen.chalk.dim("  $ ") + item.command.command + (item.index < this.o.session.progress.commandIndex ? screen.chalk.dim("   (done)") : ""));
    }
  }
}
