// `hostlab export <lab>`: the student's saved session (the progress `hostlab run` keeps in
// $XDG_STATE_HOME/hostlab/sessions/<lab-id>.json) turned into a session file for `hostlab grade --session`. Only
// sessions on the built-in host can be replayed; one on a real machine (`--target local`) is graded there instead.
import { LabInputError } from "../../labs/errors.js";
import { findLab } from "../../labs/find.js";
import { writeFileAtomic } from "../../state/atomic-write.js";
import { loadProgress, progressPath } from "../../state/progress-store.js";
import { stateDir } from "../../state/state-dir.js";
import { sessionFromProgress } from "./session-file.js";

/** Writes the session file; returns where it went and how many commands it holds. */
export async function exportSession(labName: string, out: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<{ path: string; commands: number }> {
  const lab = findLab(labName);
  const from = progressPath(stateDir(env), lab.id);
  const loaded = await loadProgress(from);
  if (loaded.kind === "none") throw new LabInputError(`no saved session for lab "${lab.id}" (looked in ${from}); run \`hostlab run ${labName}\` first`);
  if (loaded.kind === "corrupt") throw new LabInputError(`the saved session for "${lab.id}" was unreadable (${loaded.reason}); it was moved to ${loaded.movedTo}`);
  const progress = loaded.progress;
  if (progress.target !== "builtin") {
    throw new LabInputError(`the session for "${lab.id}" ran on ${progress.target}, not the built-in host: grade that machine instead (hostlab grade --target …)`);
  }
  const session = sessionFromProgress(progress);
  const path = out ?? `${lab.id}.session.json`;
  await writeFileAtomic(path, JSON.stringify(session, null, 2) + "\n");
  return { path, commands: session.commands.length };
}
