// One sitting per lab at a time. Two `hostlab run` (or a run and a `hostlab shell --lab`) on the same lab would
// each save their own log over the other's, and one student's work would be lost without a word. A lock file beside
// the state file names the process holding it; a lock whose process is gone (killed, crashed) is taken over, so a
// SIGKILL never locks a student out.
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { LabInputError } from "../labs/errors.js";

export interface SessionLock {
  release(): Promise<void>;
}

/** Takes the lock of a state file, or explains who holds it. */
export async function lockSession(statePath: string, labId: string): Promise<SessionLock> {
  const path = statePath.replace(/\.json$/, "") + ".lock";
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx", 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await rm(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number((await readFile(path, "utf8").catch(() => "")).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new LabInputError(`${labId} is open in another hostlab (pid ${holder}); finish there first, so neither loses the other's work`);
      }
      await rm(path, { force: true }); // its process is gone: a stale lock
    }
  }
  throw new LabInputError(`${labId}: could not take the lock ${path}; remove it if no hostlab is running`);
}

/** Whether a process exists (EPERM: it does, owned by someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
