// A grader killed outright (SIGKILL, OOM) cannot send `ssh -O exit`, and a multiplexing master whose host was hung
// at that moment keeps its session — and itself — alive however long ControlPersist says, since a session is open.
// Control directories are therefore named after the grader's pid (`hostlab-ssh-<pid>-…`), and the next run stops
// the masters of graders that are gone and removes their directories.
import { execFile } from "node:child_process";
import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CONTROL_DIR_PREFIX = "hostlab-ssh-";

/** Where control directories go: $TMPDIR, or /tmp when $TMPDIR is too deep for a socket path (108 bytes). */
export function controlBase(): string {
  return tmpdir().length > 60 ? "/tmp" : tmpdir();
}

/** The control directory name prefix for this process. */
export function controlDirPrefix(pid = process.pid): string {
  return `${CONTROL_DIR_PREFIX}${pid}-`;
}

/** Stops masters left in `base` by graders no longer running; returns how many directories were cleaned. */
export async function stopStaleMasters(base: string, ssh = "ssh"): Promise<number> {
  let names: string[];
  try {
    names = await readdir(base);
  } catch {
    return 0;
  }
  let cleaned = 0;
  for (const name of names) {
    const m = new RegExp(`^${CONTROL_DIR_PREFIX}(\\d+)-`).exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    const dir = join(base, name);
    const sockets = (await readdir(dir).catch(() => [] as string[])).filter((f) => /^[0-9a-f]{40}$/.test(f));
    // With an explicit socket path (-S) the host name is not used; `-O exit` asks that master to stop.
    await Promise.all(sockets.map((s) => new Promise((done) => execFile(ssh, ["-S", join(dir, s), "-O", "exit", "stale"], { timeout: 5000 }, done))));
    await rm(dir, { recursive: true, force: true });
    cleaned++;
  }
  return cleaned;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
