/**
 * One running bash process on the simulated host: the interpreter (just-bash) wired to the process' file system
 * view, with the host's commands installed and the state bash keeps between command lines (cwd, variables,
 * `$?`) carried over, since just-bash resets them on every exec(). Each command line advances the virtual clock
 * by a step; each external command in it runs as its own forked task (engine/shell/pipeline-tasks.ts).
 *
 * Differences from just-bash fixed here because a lab would notice them: output order of stdout and stderr
 * across statements, a redirect to a missing directory prints `bash: f: No such file or directory` instead of
 * failing the whole run, and commands the host provides (ps, ls, whoami …) replace just-bash's.
 */
import { Bash, defineCommand, getCommandNames } from "just-bash";
import type { Command as JbCommand, ScriptNode, StatementNode } from "just-bash";
import type { Host } from "../host.js";
import type { Task } from "../kernel/tasks.js";
import { advanceClock, tickClock, readClock } from "../kernel/clock.js";
import { reapTasks, setExitAt, pidIn } from "../kernel/tasks.js";

import { STRERROR, type ErrnoName } from "../kernel/errno.js";
import { FsView } from "../fs/fs-view.js";
import { BashFs } from "./bash-fs.js";
import type { CommandContext, CommandResult, ShellControl } from "../userland/command.js";
import { statementArgvs, forkPipeline, reapPipeline } from "./pipeline-tasks.js";
import { Jobs, JOB_FORK, JOB_DONE, JOB_MARKER_PATHS, FORK_FAILED_STATUS } from "./jobs.js";
import { pidsCanFork } from "../kernel/pids.js";
import { FORK_RETRY_SLEEPS_S, forkRefusal } from "../kernel/fork.js";
import { formatPrompt } from "./prompt.js";

/** One chunk of output, in the order it was written. */
export interface OutputChunk {
  stream: "stdout" | "stderr";
  text: string;
}

/** What running a command line gives back. */
export interface RunResult {
  stdout: string;
  stderr: string;
  output: OutputChunk[];
  exitCode: number;
}

export interface ShellOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** every command runs as the shell's own task (a container's entrypoint) instead of forked children */
  noFork?: boolean;
  /** whether stdout is a terminal for commands run as the shell's own task (`podman run -t`); default unknown */
  tty?: boolean;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Variables bash manages itself; not carried from one exec() to the next. */
const VOLATILE = new Set(["IFS", "OPTIND", "SHELLOPTS", "BASHOPTS", "BASH_REMATCH", "PIPESTATUS", "_", "RANDOM", "LINENO", "SECONDS"]);

export class Shell {
  fs: FsView;
  cwd: string;
  env: Record<string, string>;
  lastStatus = 0;
  private bash: Bash | undefined;
  private bashFs: BashFs;
  /** tasks forked for the statement running now, by command name (consumed in order) */
  private running = new Map<string, Task[]>();
  /** background jobs started so far (bash numbers them from 1) */
  private jobs = 0;
  /** the command that is the whole statement, whose output goes straight to the terminal */
  private direct: { pid: number; used: boolean; chunks: OutputChunk[] } | undefined;
  /** pids of running commands whose stdout is the terminal */
  private ttyPids = new Set<number>();
  /** background jobs inside loops and functions, and the forks behind them (engine/shell/jobs.ts) */
  private bg: Jobs;
  /** the exit status of a command a signal killed during this statement (SIGKILL 137, SIGSYS 159) */
  private killedStatus: number | undefined;

  constructor(readonly host: Host, public task: Task, private control: ShellControl, readonly opts: ShellOptions = {}) {
    this.fs = new FsView(host, task);
    this.bashFs = new BashFs(this.fs);
    this.cwd = opts.cwd ?? task.cwd;
    this.env = { ...(opts.env ?? {}) };
    // a shell with its own forks is a terminal's bash (interactive); one running as its process is `bash -c`
    this.bg = new Jobs(host, () => this.task, !opts.noFork, () => this.forkName(), () => ++this.jobs);
  }

  /** How bash names itself in its own messages (a login shell's argv[0] is "-bash"). */
  private forkName(): string {
    const a = this.task.argv[0] ?? "bash";
    return a.startsWith("-") ? a : a.slice(a.lastIndexOf("/") + 1) || "bash";
  }

  /**
   * A command whose process a signal ended while it ran (the OOM killer's SIGKILL, seccomp's SIGSYS): it wrote
   * nothing more and its status is 128 + the signal, whatever the program would have said.
   */
  private signalled<R extends { exitCode: number }>(task: Task, r: R): R {
    if (task.state !== "Z" || this.host.tasks.byPid[task.pid] === task || (task.exitStatus ?? 0) <= 128) return r;
    this.killedStatus = task.exitStatus;
    return { ...r, stdout: "", stderr: "", output: undefined, exitCode: task.exitStatus! };
  }

  /** HOME (for `~` and the prompt). */
  get home(): string {
    return this.env.HOME ?? "/root";
  }

  /** PS1 of this shell. */
  get prompt(): string {
    return formatPrompt(this.host, this.task, this.cwd, this.home);
  }

  private interpreter(): Bash {
    if (this.bash) return this.bash;
    const customCommands: JbCommand[] = [];
    for (const cmd of this.host.commands.values()) {
      customCommands.push(defineCommand(cmd.name, async (args, jctx) => {
        const task = this.taskFor(cmd.name);
        const env: Record<string, string> = {};
        for (const [k, v] of jctx.env) env[k] = v;
        if (this.bg.inBackground) this.bg.exec(task, [cmd.name, ...args]);
        const ctx: CommandContext = {
          host: this.host,
          task,
          background: this.bg.inBackground && task === this.bg.current(),
          fs: task === this.task ? this.fs : new FsView(this.host, task),
          cwd: jctx.cwd,
          env,
          stdin: typeof jctx.stdin === "string" ? decodeLatin1Utf8(jctx.stdin) : "",
          signal: jctx.signal,
          stdoutIsTty: task === this.task ? this.opts.tty : this.ttyPids.has(task.pid),
          shell: this.control,
          exec: async (line, o = {}) => {
            if (!jctx.exec) return { stdout: "", stderr: "bash: exec unavailable\n", exitCode: 126 };
            const r = await jctx.exec(line, { cwd: o.cwd ?? jctx.cwd, stdin: o.stdin, env: o.env, signal: jctx.signal });
            return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
          },
          builtin: jctx.origCommand ? async (a: string[]) => {
            const r = await jctx.origCommand!(a);
            return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
          } : undefined,
        };
        const r = this.signalled(task, await this.asTask(ctx.fs, () => Promise.resolve(cmd.run(args, ctx))));
        // a host command that hands over to the shell library's own (rm) may pass its Node-style messages on
        if (r.stderr && ctx.builtin) r.stderr = strerrorText(r.stderr);
        const direct = this.direct;
        if (direct && direct.pid === task.pid && !direct.used) {
          // the whole line is this one command writing to the terminal: its output goes there as it wrote it,
          // past the interpreter's output plumbing (a real process does not hand its tty output to its shell)
          direct.used = true;
          direct.chunks = r.output ?? [{ stream: "stderr", text: r.stderr ?? "" }, { stream: "stdout", text: r.stdout ?? "" }];
          return { stdout: "", stderr: "", exitCode: r.exitCode };
        }
        const stdout = r.stdout ?? "";
        // ASCII output is already its own byte string: saying so spares just-bash re-measuring and re-encoding
        // it as UTF-8 at every pipe and accounting step (most of `ps -efZ`'s time with 1,000 tasks)
        const kind = ASCII.test(stdout) ? ("bytes" as const) : ("text" as const);
        return { stdout, stderr: r.stderr ?? "", exitCode: r.exitCode, stdoutKind: kind };
      }));
    }
    // the shell library's own programs (cat, grep, sed …) run as their forked task too: /proc/self, the label
    // and seccomp filter of the file accesses are that process'
    for (const name of getCommandNames()) {
      if (this.host.commands.has(name) || name === "bash" || name === "sh") continue;
      customCommands.push(defineCommand(name, async (args, jctx) => {
        if (!jctx.origCommand) return { stdout: "", stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
        const task = this.taskFor(name);
        if (this.bg.inBackground) this.bg.exec(task, [name, ...args]);
        const r = await this.asTask(task === this.task ? this.fs : new FsView(this.host, task), () => jctx.origCommand!(args));
        return this.signalled(task, r.stderr ? { ...r, stderr: strerrorText(r.stderr) } : r);
      }));
    }
    customCommands.push(defineCommand(JOB_FORK, async () => ({ stdout: "", stderr: "", ...this.bg.fork() })));
    customCommands.push(defineCommand(JOB_DONE, async () => ({ stdout: "", stderr: "", ...this.bg.done() })));
    this.bash = new Bash({
      fs: this.bashFs,
      cwd: this.cwd,
      env: this.env,
      customCommands,
      processInfo: { pid: this.task.vpid ?? this.task.pid, ppid: this.task.ppid, uid: this.task.cred.uid, gid: this.task.cred.gid },
      sleep: async (ms: number) => advanceClock(this.host.clock, ms),
      // the sandbox hardening patches JS globals around every command (a few ms each); the engine runs no
      // untrusted JavaScript, only simulated commands, so it buys nothing here
      defenseInDepth: false,
    });
    this.bash.registerTransformPlugin(this.bg.plugin);
    const bash = this.bash;
    this.bg.prepare((text) => bash.transform(text).ast);
    for (const p of JOB_MARKER_PATHS) this.bashFs.internal.add(p);
    return this.bash;
  }

  /** Runs `fn` with the interpreter's file system acting as `view` (the command's process), then switches back. */
  private async asTask<T>(view: FsView, fn: () => Promise<T>): Promise<T> {
    const prev = this.bashFs.view;
    this.bashFs.view = view;
    try {
      return await fn();
    } finally {
      this.bashFs.view = prev;
    }
  }

  /** The task a command runs as: the one forked for it in this statement, else the shell itself. */
  private taskFor(name: string): Task {
    // inside a background job, programs exec in the job's process
    const job = this.bg.current();
    if (job) return job;
    const queue = this.running.get(name);
    const t = queue?.shift();
    if (t && this.host.tasks.byPid[t.pid] === t) return t;
    return this.task;
  }

  /** Runs one command line; cwd and variables persist into the next. */
  async run(line: string, signal?: AbortSignal): Promise<RunResult> {
    const output: OutputChunk[] = [];
    // after host.restore() the task table holds fresh copies: follow our process by its pid
    const live = this.host.tasks.byPid[this.task.pid];
    if (live && live !== this.task) {
      this.task = live;
      this.fs = new FsView(this.host, live);
      this.bashFs.view = this.fs;
    }
    tickClock(this.host.clock);
    reapTasks(this.host);
    let script: ScriptNode | null = null;
    try {
      // Bash.transform parses without running (just-bash's browser build exports no bare parser)
      script = this.bg.untransformed(() => this.interpreter().transform(line).ast);
    } catch {
      script = null;
    }
    // statements run one by one so their stdout/stderr interleave as a terminal shows them; scripts that
    // define functions or use here-documents run whole (functions would not survive between exec() calls)
    const pieces: Array<{ text: string; st: StatementNode | null }> =
      script && script.statements.length > 1 && !/<<|\(\)\s*\{|\bfunction\b/.test(line)
        ? script.statements.map((st) => ({ text: st.sourceText ?? "", st }))
        : [{ text: line, st: script?.statements.length === 1 ? script.statements[0] : null }];
    let exitCode = this.lastStatus;
    this.bg.reset();
    for (const piece of pieces) {
      if (signal?.aborted) break;
      // a process that is gone runs nothing more (a container's init killed by seccomp or the OOM killer)
      if (this.host.tasks.byPid[this.task.pid] !== this.task) break;
      if (piece.st?.background && this.startBackground(piece.st, output)) {
        exitCode = 0;
        continue;
      }
      const argvs = piece.st && !this.opts.noFork ? statementArgvs(piece.st) : [];
      // the pids controller refuses the forks when the cgroup is full: bash retries, gives up, abandons the line
      if (argvs.length > 0 && !pidsCanFork(this.host, this.task.cgroup, argvs.length)) {
        for (const sec of FORK_RETRY_SLEEPS_S) advanceClock(this.host.clock, sec * 1000);
        output.push({ stream: "stderr", text: forkRefusal(this.forkName()) });
        exitCode = FORK_FAILED_STATUS;
        break;
      }
      const forked = argvs.length > 0 ? forkPipeline(this.host, this.task, argvs) : [];
      this.running = new Map();
      this.ttyPids = new Set(forked.filter((_, i) => argvs[i].tty).map((t) => t.pid));
      for (const t of forked) {
        const name = t.argv[0];
        const q = this.running.get(name) ?? [];
        q.push(t);
        this.running.set(name, q);
      }
      // a statement that is one command writing straight to the terminal (no pipe, no redirection) keeps its
      // output's real order and skips the interpreter's output plumbing
      const only = piece.st?.pipelines.length === 1 && piece.st.pipelines[0].commands.length === 1 ? (piece.st.pipelines[0].commands[0] as { redirections?: unknown[] }) : undefined;
      // (not with command substitutions: those run first, and may run the same program)
      const alone = only !== undefined && (only.redirections?.length ?? 0) === 0 && argvs.length === 1 && argvs[0].tty && forked.length === 1 && !/\$\(|`|[<>]\(/.test(piece.text);
      this.direct = alone ? { pid: forked[0].pid, used: false, chunks: [] } : undefined;
      this.killedStatus = undefined;
      try {
        exitCode = await this.execPiece(piece.text, output, signal, alone);
      } finally {
        reapPipeline(this.host, forked);
        this.running = new Map();
      }
      // bash reports a foreground job a signal ended; a process that was itself killed says nothing
      if (this.killedStatus !== undefined && !this.opts.noFork) output.push({ stream: "stderr", text: signalReport(this.killedStatus) });
    }
    this.lastStatus = exitCode;
    return {
      stdout: output.filter((o) => o.stream === "stdout").map((o) => o.text).join(""),
      stderr: output.filter((o) => o.stream === "stderr").map((o) => o.text).join(""),
      output,
      exitCode,
    };
  }

  /**
   * `sleep N &`: a job that lives on without holding the terminal — bash prints `[job] pid` and the task stays in
   * the table until its time is up. Other background commands run in the foreground (the interpreter has no
   * jobs); returns false for them.
   */
  private startBackground(st: StatementNode, output: OutputChunk[]): boolean {
    const cmds = statementArgvs(st);
    const seconds = cmds.map((c) => (c.argv[0] === "sleep" && c.argv.length === 2 ? parseDuration(c.argv[1]) : null));
    if (cmds.length === 0 || seconds.some((x) => x === null)) return false;
    if (!pidsCanFork(this.host, this.task.cgroup, cmds.length)) {
      for (const sec of FORK_RETRY_SLEEPS_S) advanceClock(this.host.clock, sec * 1000);
      output.push({ stream: "stderr", text: forkRefusal(this.forkName()) });
      return true;
    }
    const now = readClock(this.host.clock, this.host.edge.timeSource);
    const tasks = forkPipeline(this.host, this.task, cmds);
    tasks.forEach((t, i) => {
      t.state = "S";
      setExitAt(this.host, t, now + seconds[i]! * 1000, 0);
    });
    this.jobs += 1;
    output.push({ stream: "stderr", text: `[${this.jobs}] ${pidIn(this.host, tasks[tasks.length - 1], this.task.ns.pid)}\n` });
    return true;
  }

  private async execPiece(text: string, output: OutputChunk[], signal?: AbortSignal, alone = false): Promise<number> {
    const bash = this.interpreter();
    const env = { ...this.env };
    // $? of the previous line: just-bash starts every exec() at 0, so set it with a no-op subshell first
    const script = this.lastStatus !== 0 ? `(exit ${this.lastStatus});${text}` : text;
    try {
      const r = await bash.exec(script, { cwd: this.cwd, env, replaceEnv: true, signal, rawScript: false });
      if (signal?.aborted) {
        // Ctrl-C: the terminal shows ^C, bash prints nothing and $? is 130 (128 + SIGINT)
        if (r.stdout) output.push({ stream: "stdout", text: r.stdout });
        this.lastStatus = 130;
        return 130;
      }
      const direct = alone ? this.direct : undefined;
      if (direct?.used) for (const c of direct.chunks) if (c.text) output.push({ stream: c.stream, text: c.text });
      if (r.stderr) output.push({ stream: "stderr", text: r.stderr });
      if (r.stdout) output.push({ stream: "stdout", text: r.stdout });
      this.carry(r.env);
      this.lastStatus = r.exitCode;
      return r.exitCode;
    } catch (e) {
      if (signal?.aborted) {
        this.lastStatus = 130;
        return 130;
      }
      // just-bash rejects the whole run when a redirect's file cannot be opened; bash prints and goes on
      const code = (e as { code?: string }).code as ErrnoName | undefined;
      const msg = String((e as Error).message ?? e);
      const path = /'([^']*)'/.exec(msg)?.[1] ?? "";
      const text = code && STRERROR[code] ? `bash: ${path}: ${STRERROR[code]}\n` : `bash: ${msg}\n`;
      output.push({ stream: "stderr", text });
      this.lastStatus = 1;
      return 1;
    }
  }

  private carry(env: Record<string, string> | undefined): void {
    if (!env) return;
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries(env)) if (!VOLATILE.has(k) && k !== "?") next[k] = v;
    if (next.PWD) this.cwd = next.PWD;
    this.env = next;
  }
}

/**
 * The shell library's programs print an error they do not know by its Node-style message ("EPERM: operation not
 * permitted, unlink '/x'"); coreutils prints strerror(3) ("Operation not permitted") — what a seccomp or SELinux
 * refusal of `rm`, `mv`, `cp` looks like on a real host.
 */
function strerrorText(stderr: string): string {
  return stderr.replace(/\b(E[A-Z]+): [a-z][^,\n]*, [a-z0-9]+ '[^'\n]*'/g, (m, code: string) => STRERROR[code as ErrnoName] ?? m);
}

/** What bash prints when a foreground job ends by a signal (strsignal, and the core dump SIGSYS leaves). */
function signalReport(status: number): string {
  const sig = status - 128;
  if (sig === 9) return "Killed\n";
  if (sig === 31) return "Bad system call (core dumped)\n";
  if (sig === 15) return "Terminated\n";
  return `Signal ${sig}\n`;
}

/** sleep's NUMBER[smhd] in seconds, or null. */
function parseDuration(s: string): number | null {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * ({ "": 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]];
}

/** stdin arrives as latin1-shaped bytes; commands want text. */
function decodeLatin1Utf8(s: string): string {
  if (!/[\x80-\xff]/.test(s)) return s;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i) & 0xff;
  return new TextDecoder().decode(bytes);
}

/** Results that commands return, as run() reports them. */
export type { CommandResult };
