/**
 * A terminal session: what a student has after `ssh root@host` — a login shell, and on top of it whatever nested
 * shells they open (`bash`, or `podman exec -it c bash` into a container). Lines go to the shell on top; `exit`
 * closes it and the prompt returns to the one below, as a real terminal does. When the last shell exits the
 * session is closed.
 */
import type { Host } from "../host.js";
import type { Task } from "../kernel/tasks.js";
import { exitTask } from "../kernel/tasks.js";
import type { ShellControl } from "../userland/command.js";
import { Shell, type RunResult, type ShellOptions } from "./shell.js";

export interface SessionOptions {
  /** a person at a terminal (-it works, prompts change); scripted runs say false */
  interactive?: boolean;
  /** the shell's task; default: the host's login shell */
  task?: Task;
  cwd?: string;
  env?: Record<string, string>;
}

interface Frame {
  shell: Shell;
  onExit?: (host: Host) => void;
  /** whether the session forked this shell's task (and ends it on exit) */
  owned: boolean;
}

/** The login environment of RHEL's root (bash -l after /etc/profile). */
export function loginEnv(host: Host, uid: number, hostname: string): Record<string, string> {
  const acct = host.profile.accounts.find((a) => a.uid === uid) ?? host.profile.accounts[0];
  const path = uid === 0 ? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin" : `/usr/local/bin:/usr/bin:/usr/local/sbin:/usr/sbin:${acct.home}/.local/bin:${acct.home}/bin`;
  return {
    HOME: acct.home, USER: acct.name, LOGNAME: acct.name, SHELL: acct.shell, PATH: path, HOSTNAME: hostname,
    TERM: "xterm-256color", HISTSIZE: "1000", MAIL: `/var/spool/mail/${acct.name}`, SHLVL: "1",
  };
}

export class Session {
  private stack: Frame[] = [];
  /** true after the login shell exited */
  closed = false;
  readonly interactive: boolean;
  private pending: Array<() => void> = [];

  constructor(readonly host: Host, opts: SessionOptions = {}) {
    this.interactive = opts.interactive ?? false;
    const task = opts.task ?? host.tasks.byPid[host.loginPid];
    if (!task) throw new Error("Session: the host has no login shell task");
    const hostname = host.namespaces.byId[task.ns.uts]?.hostname ?? host.profile.hostname;
    const env = { ...loginEnv(host, task.cred.uid, hostname), ...opts.env };
    this.stack.push({ shell: new Shell(host, task, this.control(), { cwd: opts.cwd ?? env.HOME, env }), owned: false });
  }

  /** The shell lines go to now. */
  get shell(): Shell {
    return this.stack[this.stack.length - 1].shell;
  }

  /** How many shells are open (1 = the login shell). */
  get depth(): number {
    return this.stack.length;
  }

  /** The prompt to show before the next line. */
  get prompt(): string {
    return this.shell.prompt;
  }

  /** The working directory of the shell on top. */
  get cwd(): string {
    return this.shell.cwd;
  }

  /** The variables of the shell on top. */
  get env(): Record<string, string> {
    return this.shell.env;
  }

  private control(): ShellControl {
    return {
      interactive: this.interactive,
      pushShell: (task, o = {}) => {
        // takes effect after the current line, like a child shell taking over the terminal
        this.pending.push(() => {
          const hostname = this.host.namespaces.byId[task.ns.uts]?.hostname ?? this.host.profile.hostname;
          const env = { ...loginEnv(this.host, task.cred.uid, hostname), ...o.env };
          const shell = new Shell(this.host, task, this.control(), { cwd: o.cwd ?? task.cwd, env } as ShellOptions);
          this.stack.push({ shell, onExit: o.onExit, owned: false });
        });
      },
    };
  }

  /** Runs one command line in the shell on top. */
  async run(line: string, opts: { signal?: AbortSignal } = {}): Promise<RunResult> {
    if (this.closed) return { stdout: "", stderr: "", output: [], exitCode: 0 };
    const exit = /^\s*(exit|logout)(?:\s+(\d+))?\s*;?\s*$/.exec(line);
    if (exit) return this.exitShell(exit[2] !== undefined ? Number(exit[2]) : this.shell.lastStatus);
    this.pending = [];
    const r = await this.shell.run(line, opts.signal);
    for (const open of this.pending) open();
    this.pending = [];
    return r;
  }

  /** Opens a nested shell as `task` now (the API behind `bash` and `podman exec -it … bash`). */
  pushShell(task: Task, o: { cwd?: string; env?: Record<string, string>; onExit?: (host: Host) => void; owned?: boolean } = {}): void {
    const hostname = this.host.namespaces.byId[task.ns.uts]?.hostname ?? this.host.profile.hostname;
    const env = { ...loginEnv(this.host, task.cred.uid, hostname), ...o.env };
    this.stack.push({ shell: new Shell(this.host, task, this.control(), { cwd: o.cwd ?? task.cwd, env }), onExit: o.onExit, owned: !!o.owned });
  }

  private exitShell(status: number): RunResult {
    const out = { stdout: "exit\n", stderr: "", output: [{ stream: "stdout" as const, text: "exit\n" }], exitCode: status };
    if (this.stack.length === 1) {
      this.closed = true;
      return out;
    }
    const frame = this.stack.pop()!;
    frame.onExit?.(this.host);
    if (frame.owned) exitTask(this.host, frame.shell.task.pid, status);
    this.shell.lastStatus = status;
    return out;
  }
}

/** Opens a session on a host (the student's login shell). */
export function openSession(host: Host, opts: SessionOptions = {}): Session {
  return new Session(host, opts);
}
