/**
 * Pipelines as processes: bash forks one child per simple command of a pipeline and they all run at once, so
 * while `ps -ef | grep top` runs, `grep top` is in the process table too (and `grep -v grep` exists because of
 * it). just-bash runs pipeline members one after another inside one JavaScript task, so before a statement runs
 * the shell adaptor forks a task for every external command in it, numbered back to back as bash forks them,
 * and ends them when the statement is done. Builtins (cd, echo, export …) run inside the shell: no task.
 */
import type { ScriptNode, StatementNode, PipelineNode, WordNode } from "just-bash";
import type { Host } from "../host.js";
import { type Task, spawnTask, exitTask } from "../kernel/tasks.js";

/** bash builtins: they run in the shell's own process. */
const BUILTINS = new Set([
  "cd", "echo", "export", "unset", "set", "test", "[", "[[", "true", "false", "read", "printf", "pwd", "exit", "logout",
  "source", ".", "alias", "unalias", "type", "local", "declare", "typeset", "let", "shift", "return", "break",
  "continue", "eval", "exec", "trap", "wait", "kill", "ulimit", "umask", "hash", "help", "jobs", "fg", "bg", "shopt",
  "readonly", "getopts", "times", "command", "builtin", "history", ":", "enable", "dirs", "pushd", "popd",
]);

type AnyNode = { type: string; [k: string]: unknown };

/** A word as it will probably expand (quotes removed; expansions kept as written). */
export function renderWord(w: WordNode): string {
  let out = "";
  for (const p of w.parts as unknown as AnyNode[]) {
    if (p.type === "Literal" || p.type === "SingleQuoted" || p.type === "Escaped") out += String(p.value);
    else if (p.type === "DoubleQuoted") out += renderWord({ type: "Word", parts: p.parts } as unknown as WordNode);
    else if (p.type === "ParameterExpansion") out += "$" + String(p.parameter ?? "");
    else out += "";
  }
  return out;
}

/** One external command of a statement: its argv and whether its stdout is the terminal. */
export interface PlannedCommand {
  argv: string[];
  tty: boolean;
}

/** The external simple commands of the pipelines of a statement. */
export function statementArgvs(st: StatementNode): PlannedCommand[] {
  const out: PlannedCommand[] = [];
  for (const pl of st.pipelines as PipelineNode[]) {
    const cmds = pl.commands as unknown as AnyNode[];
    cmds.forEach((c, i) => {
      if (c.type !== "SimpleCommand" || !c.name) return;
      const name = renderWord(c.name as WordNode);
      if (!name || BUILTINS.has(name)) return;
      const redirected = (c.redirections as AnyNode[]).some((r) => [">", ">>", ">|", "&>", "&>>"].includes(String(r.operator)) && (r.fd === undefined || r.fd === null || r.fd === 1));
      out.push({ argv: [name, ...(c.args as WordNode[]).map(renderWord)], tty: i === cmds.length - 1 && !redirected });
    });
  }
  return out;
}

/** The external commands a whole script starts at its top level. */
export function scriptArgvs(script: ScriptNode): PlannedCommand[] {
  return script.statements.flatMap((s) => statementArgvs(s));
}

/** Forks a task per argv under the shell `shell` (consecutive pids); returns them in order. */
export function forkPipeline(host: Host, shell: Task, cmds: PlannedCommand[]): Task[] {
  return cmds.map(({ argv }, i) =>
    spawnTask(host, { ppid: shell.pid, argv, noGap: i > 0, state: i === 0 ? "R" : "S", cpuPercent: 0, rssKiB: 1800, vszKiB: 9000 + argv.join(" ").length }),
  );
}

/** Ends the tasks of a finished statement (those that did not end already). */
export function reapPipeline(host: Host, tasks: Task[]): void {
  for (const t of tasks) if (host.tasks.byPid[t.pid] === t) exitTask(host, t.pid, 0);
}
