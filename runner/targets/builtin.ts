// The `builtin` target: the simulated container host from engine/, in this process. Nothing here touches the real
// machine. Because the engine is deterministic for a seed, a session on it can be rebuilt at any time by replaying
// its command log on a fresh host — that is how saved progress resumes.
import { createHost, openSession, taskFs, type Host, type ProfileName, type Session } from "../../engine/index.js";
import type { CommandResult, RunOptions, Target } from "./target.js";

export interface BuiltinTargetOptions {
  /** Fixes ids, MCS pairs, pids and times. */
  seed?: number;
  profile?: ProfileName;
  /** A person at the keyboard: the clock follows wall time. Test runs leave it off and stay byte-identical. */
  wallClock?: boolean;
}

/**
 * Check probes run on a copy of the host, never on the host itself: even a read-only probe takes pids, and pid gaps,
 * container ids and MCS pairs all come from one seeded stream, so probing the student's host would change every id
 * the lab prints afterwards. On the copy, a lab prints the same bytes with or without its checks, in every mode
 * (`run`, `test`, `shell --lab`, the book). The copy is refreshed from a snapshot only when the host has changed.
 */
export interface BuiltinTarget extends Target {
  readonly host: Host;
  /** How many shells are open in the student's terminal (1 = the login shell). */
  depth(): number;
}

/** Boots a fresh simulated host and logs the student in. */
export function createBuiltinTarget(options: BuiltinTargetOptions = {}): BuiltinTarget {
  const host = createHost({ seed: options.seed, profile: options.profile, interactive: options.wallClock ?? false });
  // The terminal is "interactive" for the engine whatever the clock: `podman exec -it … bash` must open a nested
  // shell in test runs too, since the lab's next commands are typed into it.
  let session: Session = openSession(host, { interactive: true });
  let copy: Host | null = null;
  let copyIsStale = true;
  return {
    name: "builtin",
    host,
    prompt: () => session.prompt,
    depth: () => session.depth,
    async run(command: string, runOptions: RunOptions = {}): Promise<CommandResult> {
      if (session.closed) session = openSession(host, { interactive: true }); // `exit` from the login shell: log in again
      copyIsStale = true;
      const r = await session.run(command, { signal: runOptions.signal });
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, output: r.output };
    },
    async probe(command: string): Promise<CommandResult> {
      copy ??= createHost({ seed: options.seed, profile: options.profile });
      if (copyIsStale) copy.restore(host.snapshot());
      copyIsStale = false;
      const r = await openSession(copy, { interactive: false }).run(command);
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
    },
    // Written as the student would write it (their uid and SELinux label), parent directories created.
    async writeFile(path: string, content: string): Promise<void> {
      copyIsStale = true;
      const task = host.tasks.byPid[host.loginPid];
      const fs = taskFs(host, task);
      const abs = path.startsWith("/") ? path : `${session.cwd.replace(/\/$/, "")}/${path}`;
      const parent = abs.slice(0, abs.lastIndexOf("/")) || "/";
      fs.mkdirSync(parent, { recursive: true });
      fs.writeFileSync(abs, content);
    },
    async close() {},
  };
}
