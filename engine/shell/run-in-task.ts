/**
 * Running a program in a process context without a terminal: what `podman run image ls -alhZ /x` or
 * `podman exec c cat /etc/hosts` does once the runtime has set the process up. The command line runs as `task`
 * itself (its mount namespace, pid namespace, label, seccomp filter), not as a child of some shell, and the
 * output comes back to the caller.
 */
import type { Host } from "../host.js";
import type { Task } from "../kernel/tasks.js";
import type { ShellControl } from "../userland/command.js";
import { Shell, type RunResult } from "./shell.js";
import { loginEnv } from "./session.js";

export interface RunInTaskOptions {
  cwd?: string;
  /** the process environment (podman passes PATH, TERM, container=podman, HOSTNAME …) */
  env?: Record<string, string>;
  signal?: AbortSignal;
  /** nested-shell hooks of the terminal, when the caller has one (`podman run -it image bash`) */
  control?: ShellControl;
  /** stdout is a terminal (`-t`): ls prints columns; without, one name a line as into a pipe */
  tty?: boolean;
}

const NO_TERMINAL: ShellControl = { interactive: false, pushShell: () => undefined };

/** Runs a command line as `task` and returns its output. */
export async function runInTask(host: Host, task: Task, line: string, opts: RunInTaskOptions = {}): Promise<RunResult> {
  const hostname = host.namespaces.byId[task.ns.uts]?.hostname ?? host.profile.hostname;
  const env = opts.env ?? loginEnv(host, task.cred.uid, hostname);
  const shell = new Shell(host, task, opts.control ?? NO_TERMINAL, { cwd: opts.cwd ?? task.cwd, env, noFork: true, tty: opts.tty });
  return shell.run(line, opts.signal);
}

/** Runs an argv (no shell parsing: each element is one word) as `task`. */
export async function runArgv(host: Host, task: Task, argv: string[], opts: RunInTaskOptions = {}): Promise<RunResult> {
  return runInTask(host, task, argv.map(shellQuote).join(" "), opts);
}

/** Quotes a word for bash so it stays one word. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
