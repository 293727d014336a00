// Starting a sitting: a fresh session, or the saved one resumed. Everything that can go wrong with saved progress
// ends as a sentence for the student and never as lost work: a corrupt file was moved aside (progress-store does
// it), `--restart` keeps the previous file as `<lab>.previous.json`, and a lab edited since is reconciled (what
// still applies is replayed, the rest is named).
import { readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { LabInputError } from "../labs/errors.js";
import type { LabPlan } from "../play/plan.js";
import { loadProgress, progressPath, PROGRESS_VERSION, type Progress } from "../state/progress-store.js";
import { reconcileProgress, type Reconciled } from "./reconcile.js";
import { LabSession } from "./lab-session.js";
import { freshSeed } from "./seed.js";
import { isAlive, lockSession, type SessionLock } from "./session-lock.js";

export interface SessionRequest {
  plan: LabPlan;
  /** hashLabText of the lab file as it is now. */
  hash: string;
  /** `$XDG_STATE_HOME/hostlab`. */
  stateDir: string;
  /** Asked for on the command line; a resumed session must agree with it. */
  seed?: string;
  host?: string;
  /** `builtin` (the default) or `local`. */
  target?: string;
  restart?: boolean;
  now?: () => Date;
}

export interface OpenedSession {
  session: LabSession;
  /** true when saved progress was found and is being continued. */
  resumed: boolean;
  /** Things the student must be told before anything else (corrupt file moved aside, backup kept …). */
  notices: string[];
  /** Present when the lab changed since the progress was saved. */
  reconciled?: Reconciled;
  /** Held until the sitting ends: release it when done. */
  lock: SessionLock;
}

/** Opens the session for a lab: resumed from the state file when there is one, else new. */
export async function openLabSession(request: SessionRequest): Promise<OpenedSession> {
  const now = request.now ?? (() => new Date());
  const lab = request.plan.lab;
  const path = progressPath(request.stateDir, lab.id);
  const notices: string[] = [];
  const lock = await lockSession(path, lab.id);
  try {
    return await openLocked(request, path, notices, lock, now);
  } catch (e) {
    await lock.release();
    throw e;
  }
}

async function openLocked(request: SessionRequest, path: string, notices: string[], lock: SessionLock, now: () => Date): Promise<OpenedSession> {
  const lab = request.plan.lab;
  await removeStaleTemporaries(path);

  if (request.restart) {
    const backup = path.replace(/\.json$/, "") + ".previous.json";
    try {
      await rename(path, backup);
      notices.push(`Starting over; your previous progress is kept in ${backup}`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }

  const loaded = await loadProgress(path, now);
  if (loaded.kind === "corrupt") {
    notices.push(`Your saved progress could not be read (${loaded.reason}); it was kept as ${loaded.movedTo}. Starting fresh.`);
  }
  if (loaded.kind === "loaded") {
    const saved = loaded.progress;
    disagree("--seed", request.seed, saved.seed, lab.id);
    disagree("--host", request.host, saved.host, lab.id);
    disagree("--target", request.target, saved.target, lab.id);
    if (saved.lab.hash === request.hash) {
      return { session: new LabSession(path, { ...saved, lab: { ...saved.lab, path: lab.file } }, now), resumed: true, notices, lock };
    }
    const reconciled = reconcileProgress(saved, request.plan, request.hash);
    const session = new LabSession(path, { ...reconciled.progress, lab: { ...reconciled.progress.lab, path: lab.file } }, now);
    await session.flush();
    return { session, resumed: true, notices, reconciled, lock };
  }

  const stamp = now().toISOString();
  const meta = lab.meta;
  const progress: Progress = {
    version: PROGRESS_VERSION,
    lab: { id: lab.id, path: lab.file, hash: request.hash },
    seed: request.seed ?? (meta.seed !== undefined ? String(meta.seed) : freshSeed()),
    host: request.host ?? meta.host ?? "rhel9",
    target: request.target ?? "builtin",
    step: 0,
    commandIndex: 0,
    log: [],
    checks: [],
    startedAt: stamp,
    updatedAt: stamp,
    activeMs: 0,
  };
  // Not written yet: until the first command there is nothing to lose, and start-up stays free of fsyncs.
  return { session: new LabSession(path, progress, now), resumed: false, notices, lock };
}

// A saved session's host was booted with its seed and profile: resuming it with others would rebuild another host.
function disagree(option: string, asked: string | undefined, saved: string, labId: string): void {
  if (asked === undefined || asked === saved) return;
  throw new LabInputError(
    `${option} ${asked} differs from your saved session of ${labId} (${saved}); leave it out to resume, or add --restart to start over with it`,
  );
}

// Temporary files of saves that were cut short (the process was killed between write and rename). Only those of
// processes that are gone: another hostlab may be saving this very moment.
async function removeStaleTemporaries(path: string): Promise<void> {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = Number(name.slice(prefix.length).split(".")[0]);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
    if (pid === process.pid) continue;
    await rm(join(dir, name), { force: true });
  }
}
