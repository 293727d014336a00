/**
 * Background jobs (`cmd &`) and the forks behind them, for one bash process. bash forks a child for every
 * background job and does not wait for it: `sleep 1000 &` leaves a sleeping process behind and the loop goes on,
 * and an interactive shell announces it as `[1] 4242`. A fork is a clone(2) through the syscall gate, so the pids
 * controller can refuse it (engine/kernel/fork.ts): bash then prints `fork: retry: Resource temporarily
 * unavailable` four times (sleeping 1, 2, 4 and 8 seconds), gives up with `fork: Resource temporarily
 * unavailable` and abandons the line with status 126 — which is what stops a fork bomb at `pids.max`.
 *
 * just-bash runs every statement in order inside one JavaScript task, so a job's body runs at once, before the
 * statement after it. A transform of the parsed script brackets each background statement with two markers
 * (`/usr/bin/__bg_fork || exit 126` before, `/usr/bin/__bg_done` after — paths only the interpreter sees): the first forks the job's process, commands in between run
 * as that process (a `sleep` there sets the process' timer instead of waiting), the second lets the process end
 * unless something in it keeps running (a sleep's timer, or a fork bomb whose forks are being refused — those
 * processes stay, holding their pids, as the real bomb's do).
 */
import type { TransformPlugin, ScriptNode, StatementNode } from "just-bash";
import type { Host } from "../host.js";
import type { Task } from "../kernel/tasks.js";
import { exitTask } from "../kernel/tasks.js";
import { advanceClock } from "../kernel/clock.js";
import { FORK_RETRY_SLEEPS_S, forkMany, forkRefusal, forkTask } from "../kernel/fork.js";
import type { CommandResult } from "../userland/command.js";

/** The marker commands the transform inserts (no files of the host; the shell answers them itself). */
export const JOB_FORK = "__bg_fork";
export const JOB_DONE = "__bg_done";
/** Where the interpreter finds them (engine/shell/bash-fs.ts `internal`). */
export const JOB_MARKER_PATHS = [`/usr/bin/${JOB_FORK}`, `/usr/bin/${JOB_DONE}`];

/**
 * bash's status when a fork fails for good: make_child sets EX_NOEXEC (126) and jumps to the top level, where an
 * interactive shell keeps it; `bash -c` (parse_and_execute) turns the abandoned string into EXECUTION_FAILURE (1).
 */
export const FORK_FAILED_STATUS = 126;
export const FORK_FAILED_STATUS_SCRIPT = 1;

/**
 * Jobs nested this deep inside one another are a runaway fork chain (a fork bomb): each level forks again before
 * anything ends, so the number of processes grows until fork fails. The interpreter cannot run that many levels
 * (it stops recursing at 100), so past this depth the rest of the growth happens at once: the group fills up to
 * its pids.max — or, with no cap on the path, to `RUNAWAY_CAP` processes, where this model stops a bomb on the host
 * (a real one makes the machine unusable).
 */
export const RUNAWAY_DEPTH = 16;
export const RUNAWAY_CAP = 4096;

type AnyNode = { type?: string; [k: string]: unknown };

/** Rewrites `P &` as `/usr/bin/__bg_fork || exit 126; P; /usr/bin/__bg_done` wherever statements are listed. */
export function backgroundJobsPlugin(markers: () => { before: StatementNode; after: StatementNode } | undefined, enabled: () => boolean = () => true): TransformPlugin {
  const before = (): StatementNode => structuredClone(markers()!.before);
  const after = (): StatementNode => structuredClone(markers()!.after);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      if (node.length > 0 && (node[0] as AnyNode)?.type === "Statement") {
        const out: unknown[] = [];
        for (const st of node as StatementNode[]) {
          walk(st);
          if (st.background) {
            st.background = false;
            out.push(before(), st, after());
          } else out.push(st);
        }
        node.splice(0, node.length, ...out);
        return;
      }
      for (const n of node) walk(n);
      return;
    }
    if (node && typeof node === "object") for (const k in node as AnyNode) walk((node as AnyNode)[k]);
  };
  return {
    name: "background-jobs",
    transform(ctx: { ast: ScriptNode }) {
      if (enabled() && markers()) walk(ctx.ast.statements);
      return { ast: ctx.ast };
    },
  };
}

/** The job table of one bash process and the forks of the line it is running. */
export class Jobs {
  /** pids of the background jobs whose bodies are running now, innermost last */
  private stack: number[] = [];
  /** a fork failed during this line: the pids are exhausted and stay so */
  private refused = 0;
  /** a runaway fork chain without a cap on its path reached RUNAWAY_CAP: every later fork of the line fails */
  private exhausted = false;
  /** off while the shell only parses a line to split it (the markers are for running it) */
  private rewriting = true;
  /** the parsed marker statements (made with the interpreter's own parser: the browser build exports none) */
  private markers: { before: StatementNode; after: StatementNode } | undefined;
  /** the transform to register with the interpreter */
  readonly plugin = backgroundJobsPlugin(() => this.markers, () => this.rewriting);

  /** Parses the markers once with `parse` (a text → script function of the interpreter). */
  prepare(parse: (text: string) => ScriptNode): void {
    // the marker's own status only says "refused"; `exit` then gives the line bash's status for the shell's kind
    this.untransformed(() => {
      this.markers = {
        before: parse(`${JOB_MARKER_PATHS[0]} || exit ${this.interactive ? FORK_FAILED_STATUS : FORK_FAILED_STATUS_SCRIPT}`).statements[0]!,
        after: parse(JOB_MARKER_PATHS[1]!).statements[0]!,
      };
    });
  }

  /**
   * `interactive`: the shell announces jobs; `name`: how bash names itself in its messages; `nextJob`: the job
   * number of a new job ([1], [2] … shared with the shell's other jobs).
   */
  constructor(private host: Host, private shellTask: () => Task, private interactive: boolean, private name: () => string, private nextJob: () => number) {}

  /** Runs `fn` (a parse) without the rewrite. */
  untransformed<T>(fn: () => T): T {
    const was = this.rewriting;
    this.rewriting = false;
    try {
      return fn();
    } finally {
      this.rewriting = was;
    }
  }

  /** A new command line starts. */
  reset(): void {
    this.stack = [];
    this.refused = 0;
    this.exhausted = false;
  }

  /** The process of the innermost background job running now, if any. */
  current(): Task | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const t = this.host.tasks.byPid[this.stack[i]!];
      if (t) return t;
    }
    return undefined;
  }

  /** Whether commands are running inside a background job. */
  get inBackground(): boolean {
    return this.stack.length > 0;
  }

  /** `__bg_fork`: forks the job's process; on EAGAIN says what bash says and fails. */
  fork(): CommandResult {
    const parent = this.current() ?? this.shellTask();
    const spec = { argv: [...this.shellTask().argv], state: "S" as const, cpuPercent: 0, rssKiB: 1100, vszKiB: 115_000 };
    if (this.stack.length >= RUNAWAY_DEPTH && this.refused === 0 && !this.exhausted) {
      // the bomb's growth, all at once: forks succeed until the group is full (or the model's cap is reached)
      this.exhausted = forkMany(this.host, parent, spec, RUNAWAY_CAP) >= RUNAWAY_CAP;
    }
    const r = this.exhausted ? ({ ok: false } as const) : forkTask(this.host, parent, spec);
    if (!r.ok) {
      const shell = this.name();
      // the first refusal waits out bash's retries; later ones are other processes of the bomb still retrying
      let stderr: string;
      if (this.refused === 0) {
        for (const s of FORK_RETRY_SLEEPS_S) advanceClock(this.host.clock, s * 1000);
        stderr = forkRefusal(shell);
      } else stderr = forkRefusal(shell, 0);
      this.refused++;
      return { stderr, exitCode: FORK_FAILED_STATUS };
    }
    this.stack.push(r.value.pid);
    const announce = this.interactive && this.stack.length === 1 ? `[${this.nextJob()}] ${r.value.vpid ?? r.value.pid}\n` : "";
    return { stderr: announce, exitCode: 0 };
  }

  /** `__bg_done`: the job's body has been run; its process ends unless something in it keeps running. */
  done(): CommandResult {
    const pid = this.stack.pop();
    const t = pid === undefined ? undefined : this.host.tasks.byPid[pid];
    if (t && t.exitAt === undefined && this.refused === 0) exitTask(this.host, t.pid, 0);
    return { exitCode: 0 };
  }

  /** A program started in the job execs in its process: ps shows its argv there. */
  exec(task: Task, argv: string[]): void {
    task.argv = argv;
  }
}
