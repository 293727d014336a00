// The built-in host in the page: the same engine `hostlab test` ran at build time, booted with the lab's seed and
// profile, with the lab's files and setup in place. Like runner/targets/builtin.ts, but for a person at a browser
// tab: the clock follows wall time, a foreground `sleep 5` really waits (Ctrl-C ends it), and while a saved session
// is replayed the waits are skipped so a reload takes no longer than the replay's computing.
import { createHost, openSession, taskFs, type Host, type ProfileName, type Session } from "../../engine/index.js";
import type { CommandResult } from "../../checks/check.js";
import type { LabPageData } from "../page-data.js";

export interface Machine {
  readonly host: Host;
  /** The prompt the student's shell shows now (a nested `podman exec -it c bash` changes it). */
  prompt(): string;
  /** Runs a line in the student's session; the output chunks come in the order they were written. */
  run(line: string, signal?: AbortSignal): Promise<CommandResult & { output: Array<{ stream: string; text: string }> }>;
  /** A check's probe, in a session of its own beside the student's. */
  probe(line: string): Promise<CommandResult>;
  /** While true, commands don't wait on the wall clock (replaying a saved log). */
  fastForward: boolean;
}

/** Boots the lab's host: files written as the student, setup run silently. */
export async function bootMachine(data: LabPageData): Promise<Machine> {
  const machine = { fastForward: false } as Machine;
  const host = createHost({
    seed: data.seed,
    profile: data.profile as ProfileName,
    interactive: true,
    wait: (ms, signal) => (machine.fastForward ? Promise.resolve() : sleep(ms, signal)),
  });
  let session: Session = openSession(host, { interactive: true });
  Object.assign(machine, {
    host,
    prompt: () => session.prompt,
    async run(line: string, signal?: AbortSignal) {
      if (session.closed) session = openSession(host, { interactive: true }); // `exit` from the login shell logs in again
      const r = await session.run(line, { signal });
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, output: r.output };
    },
    async probe(line: string) {
      const r = await openSession(host, { interactive: false }).run(line);
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
    },
  });
  const files = [...data.files, ...data.steps.flatMap((s) => s.files)];
  for (const f of files) writeAsStudent(host, session.cwd, f.path, f.content);
  machine.fastForward = true;
  for (const line of data.setup) await machine.run(line);
  machine.fastForward = false;
  return machine;
}

// As runner/targets/builtin.ts writes lab files: the login shell's uid and label, parents created.
function writeAsStudent(host: Host, cwd: string, path: string, content: string): void {
  const fs = taskFs(host, host.tasks.byPid[host.loginPid]);
  const abs = path.startsWith("/") ? path : `${cwd.replace(/\/$/, "")}/${path}`;
  fs.mkdirSync(abs.slice(0, abs.lastIndexOf("/")) || "/", { recursive: true });
  fs.writeFileSync(abs, content);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
