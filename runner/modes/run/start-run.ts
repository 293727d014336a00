// `hostlab run <lab>` from start to finish: find the lab, open (or resume) the student's session, rebuild the host,
// play, and print the summary. Returns the exit status: 0 finished or quit, 1 a `--yes` run met failures, 2 bad
// input (or no terminal to ask on), 130 left with Ctrl-C — with progress saved in every case.
import chalk, { Chalk } from "chalk";
import { EXIT_BAD_INPUT, LabInputError } from "../../labs/errors.js";
import { readLabText } from "../../labs/load.js";
import type { LabPlan } from "../../play/plan.js";
import { loadPlayableLab } from "../../play/playable-lab.js";
import { hashLabText } from "../../session/lab-hash.js";
import { openLabSession, type OpenedSession } from "../../session/open-session.js";
import { restoreHost, type RestoredHost } from "../../session/restore-host.js";
import { stateDir } from "../../state/state-dir.js";
import { playLab } from "./play-lab.js";
import { Interrupted, type Prompter } from "./prompter.js";
import type { RunSettings } from "./run-options.js";
import { Screen } from "./screen.js";
import { summarize } from "./summary.js";

export const EXIT_INTERRUPTED = 130;
export const EXIT_FAILURES = 1;

export interface RunIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Both stdin and stdout are terminals: there is someone to ask. */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
  /** Terminal width for wrapping prose. */
  columns?: number;
  /** Makes the Prompter when one is needed (tests pass a scripted one). */
  prompter: () => Prompter;
  /** Aborted on Ctrl-C / SIGTERM. */
  signal: AbortSignal;
}

/** Runs `hostlab run`; resolves to the process's exit status. */
export async function startRun(name: string, settings: RunSettings, io: RunIo): Promise<number> {
  if (!settings.yes && !io.interactive) {
    io.err("hostlab run needs a terminal to ask what to do at each command; use --yes to run every step without asking\n");
    return EXIT_BAD_INPUT;
  }
  const playable = loadPlayableLab(name);
  if ("refusal" in playable) {
    io.err(playable.refusal);
    return EXIT_BAD_INPUT;
  }
  const { lab, plan } = playable;
  const screen = new Screen(io.out, settings.color ? chalk : new Chalk({ level: 0 }), Math.min(io.columns ?? 80, 100));
  const title = lab.title ?? lab.id;

  const opened = await openLabSession({
    plan,
    hash: hashLabText(readLabText(lab.file)),
    stateDir: stateDir(io.env),
    seed: settings.seed,
    host: settings.host,
    target: settings.target,
    restart: settings.restart,
  });
  try {
    return await sit(name, title, plan, settings, io, screen, opened);
  } finally {
    await opened.lock.release();
  }
}

// The sitting itself, with the session's lock held.
async function sit(name: string, title: string, plan: LabPlan, settings: RunSettings, io: RunIo, screen: Screen, opened: OpenedSession): Promise<number> {
  for (const notice of opened.notices) screen.warn(notice);
  const { session } = opened;
  // The real machine only ever on request, every sitting: a saved local session does not carry the permission over.
  if (session.progress.target === "local" && settings.target !== "local") {
    throw new LabInputError(`your session of ${plan.lab.id} runs on this machine; add --target local to continue it, or --restart to use the built-in host`);
  }

  if (session.progress.finishedAt && session.progress.step >= plan.steps.length) {
    screen.note(`You finished ${title} already. Add --restart to do it again (your progress is kept as a backup).`);
    screen.summary(title, summarize(plan, session.progress), true);
    return 0;
  }

  const prompter = settings.yes ? null : io.prompter();
  let host: RestoredHost | undefined;
  try {
    if (session.progress.target === "local" && !settings.yes) {
      const ok = await prompter!.confirm("Run this lab's commands on THIS machine, for real (not the built-in host)?", false);
      if (!ok) {
        screen.note("Nothing was run. Leave out --target local to use the built-in host.");
        return 0;
      }
    }
    const where = session.progress.target === "local" ? "this machine" : `the built-in host (${session.progress.host})`;
    screen.line(screen.chalk.bold(title) + screen.chalk.dim(` — ${count(plan.steps.length, "step")}, on ${where}`));
    if (opened.resumed && session.progress.target === "builtin" && session.progress.log.length > 20) {
      screen.line(screen.chalk.dim(`Rebuilding your host from ${count(session.progress.log.length, "saved command")}…`));
    }
    host = await restoreHost(plan, session.progress, {
      wallClock: !settings.yes,
      signal: io.signal,
      // Someone is reading: the first menu need not wait for a new host to boot.
      deferBoot: settings.yes ? undefined : (failures) => warnSetup(screen, failures),
    });
    if (io.signal.aborted) return leave(screen, opened, name, EXIT_INTERRUPTED);
    tellRestored(screen, title, opened, host);

    const result = await playLab({ player: host.player, session, screen, prompter, signal: io.signal });
    if (result.outcome === "finished") {
      screen.summary(title, summarize(plan, session.progress), true);
      return settings.yes && result.failures > 0 ? EXIT_FAILURES : 0;
    }
    return leave(screen, opened, name, result.outcome === "interrupted" ? EXIT_INTERRUPTED : 0);
  } catch (e) {
    if (e instanceof Interrupted) return leave(screen, opened, name, EXIT_INTERRUPTED);
    throw e;
  } finally {
    prompter?.close();
    await host?.target.close(); // a local target's scratch directories go, whatever happened
  }
}

function tellRestored(screen: Screen, title: string, opened: OpenedSession, host: RestoredHost): void {
  const { progress } = opened.session;
  warnSetup(screen, host.setupFailures);
  if (!opened.resumed) return;
  const at = `step ${progress.step + 1}`;
  if (host.replay) screen.note(`Resuming ${title} at ${at} (${count(host.replay.replayed, "command")} replayed)`);
  else screen.note(`Resuming ${title} at ${at} (commands are not replayed on a real machine: it kept its own state)`);
  const r = opened.reconciled;
  if (r && (r.dropped.length || r.droppedChecks)) {
    screen.warn(`The lab changed since your last sitting. Left out of the replay:`);
    for (const d of r.dropped) screen.warn(`  step ${d.entry.step + 1}: \`${d.entry.command}\` — ${d.why}`);
    if (r.droppedChecks) screen.warn(`  ${r.droppedChecks} check result(s) of checks that are gone`);
  } else if (r) screen.note("The lab changed since your last sitting; everything you did still applies.");
  if (host.replay?.diverged.length) {
    screen.warn(`${host.replay.diverged.length} replayed command(s) ended differently than the first time; check the host with the shell.`);
  }
}

function warnSetup(screen: Screen, failures: RestoredHost["setupFailures"]): void {
  for (const f of failures) screen.warn(`setup: \`${f.command}\` failed (exit status ${f.exitCode}); the lab may not work as written`);
}

function leave(screen: Screen, opened: OpenedSession, name: string, status: number): number {
  screen.line();
  screen.note(`Progress saved (${opened.session.path}). \`hostlab run ${name}\` continues where you left off.`);
  return status;
}

/** "1 step", "3 steps". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
