// `hostlab shell --lab <lab>` from start to finish: the lab's saved session (or a new one), its host rebuilt by
// replay, then the lab shell. Returns the exit status (0, or 2 for bad input).
import chalk, { Chalk } from "chalk";
import { EXIT_BAD_INPUT, LabInputError } from "../../labs/errors.js";
import { readLabText } from "../../labs/load.js";
import { HOST_PROFILES } from "../../model/front-matter.js";
import { loadPlayableLab } from "../../play/playable-lab.js";
import { hashLabText } from "../../session/lab-hash.js";
import { openLabSession } from "../../session/open-session.js";
import { restoreHost } from "../../session/restore-host.js";
import { stateDir } from "../../state/state-dir.js";
import { Screen } from "../run/screen.js";
import { labShell } from "./lab-shell.js";
import type { LineReader } from "./line-reader.js";

export interface LabShellFlags {
  /** Only when given on the command line: a saved session keeps its own. */
  seed?: string;
  host?: string;
}

export interface LabShellIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  columns?: number;
  reader: () => LineReader;
}

/** Opens the lab shell; resolves to the exit status. */
export async function startLabShell(name: string, flags: LabShellFlags, io: LabShellIo): Promise<number> {
  if (flags.host !== undefined && !(HOST_PROFILES as readonly string[]).includes(flags.host)) {
    throw new LabInputError(`--host ${flags.host}: unknown host profile; choose one of ${HOST_PROFILES.join(", ")}`);
  }
  const playable = loadPlayableLab(name);
  if ("refusal" in playable) {
    io.err(playable.refusal);
    return EXIT_BAD_INPUT;
  }
  const { lab, plan } = playable;
  const screen = new Screen(io.out, io.env.NO_COLOR ? new Chalk({ level: 0 }) : chalk, Math.min(io.columns ?? 80, 100));
  const opened = await openLabSession({ plan, hash: hashLabText(readLabText(lab.file)), stateDir: stateDir(io.env), seed: flags.seed, host: flags.host });
  try {
    for (const notice of opened.notices) screen.warn(notice);
    const { session } = opened;
    if (session.progress.target !== "builtin") {
      throw new LabInputError(`your session of ${lab.id} runs on ${session.progress.target}; hostlab shell --lab opens the built-in host only`);
    }
    const host = await restoreHost(plan, session.progress, { wallClock: true });
    if (host.replay) screen.note(`${host.replay.replayed} commands replayed: this is the host as you left it.`);
    if (opened.reconciled?.dropped.length) screen.warn(`The lab changed since; ${opened.reconciled.dropped.length} command(s) that are gone from it were not replayed.`);
    const reader = io.reader();
    try {
      await labShell({ player: host.player, session, screen, reader });
    } finally {
      reader.close();
      await session.flush();
      await host.target.close();
    }
    return 0;
  } finally {
    await opened.lock.release();
  }
}
