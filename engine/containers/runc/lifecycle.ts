/**
 * The life of a container runc runs on its own (runc's start.go, delete.go, libcontainer's exec fifo): `start`
 * makes the waiting `runc init` exec the process of config.json, which then runs until it ends or is killed;
 * `delete` removes what create made (its cgroup, mount namespace and state dir). A foreground `runc run` keeps
 * runc attached to the process and deletes the container when the process ends.
 *
 * The process itself follows engine/containers/entrypoint.ts: a program that runs to completion runs as the
 * container's task through the shell (its output and status are real), `sleep N` ends after N virtual seconds,
 * `top`, `sleep infinity` or a shell with its stdin open keep running.
 */
import type { Host } from "../../host.js";
import type { CommandResult } from "../../userland/command.js";
import { exitTask, getTask, setExitAt, reapTasks, type Task } from "../../kernel/tasks.js";
import { advanceClock, readClock } from "../../kernel/clock.js";
import { removeCgroup } from "../../kernel/cgroups.js";
import { dropMountNamespace } from "../../fs/mounts.js";
import { kernelFs, taskFs } from "../../fs/fs-view.js";
import { runInTask } from "../../shell/run-in-task.js";
import { classifyInit } from "../entrypoint.js";
import type { RuncCall } from "./call.js";
import { RUNC_ROOT, runcState, type RuncContainer } from "./record.js";

const SHELLS = new Set(["sh", "bash", "/bin/sh", "/bin/bash", "/usr/bin/sh", "/usr/bin/bash"]);

/** exec.LookPath in the container: undefined when found, else Go's error text. */
export function lookPath(host: Host, init: Task, prog: string, env: string[]): string | undefined {
  const fs = taskFs(host, init);
  const isExec = (p: string): boolean => {
    try {
      const st = fs.statSync(p);
      return st.type === "file" && (st.mode & 0o111) !== 0;
    } catch {
      return false;
    }
  };
  if (prog.includes("/")) return isExec(prog) ? undefined : "no such file or directory";
  const path = env.find((kv) => kv.startsWith("PATH="))?.slice(5) ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  for (const dir of path.split(":")) if (dir && isExec(`${dir}/${prog}`)) return undefined;
  return "executable file not found in $PATH";
}

/** The process environment as a map. */
function envMap(c: RuncContainer): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of c.env) {
    const eq = kv.indexOf("=");
    env[eq < 0 ? kv : kv.slice(0, eq)] = eq < 0 ? "" : kv.slice(eq + 1);
  }
  if (!env.HOME) env.HOME = "/root";
  return env;
}

/** Exec's the process in the waiting init; `foreground` = runc stays attached (run without -d). */
export async function execProcess(call: RuncCall, c: RuncContainer, init: Task, foreground: boolean): Promise<CommandResult> {
  const { host, ctx } = call;
  c.started = true;
  init.argv = [...c.args];
  init.tty = c.terminal ? "pts/0" : "?";
  const program = classifyInit(c.args, { tty: c.terminal, stdin: true });
  const env = envMap(c);
  if (foreground && ctx.shell.interactive && c.terminal && SHELLS.has(c.args[0]!) && c.args.length === 1) {
    ctx.shell.pushShell(init, { cwd: c.cwd, env, onExit: (h) => { exitTask(h, init.pid, 0); destroyContainer(h, c); } });
    return { exitCode: 0 };
  }
  if (program.kind === "timed") {
    const now = readClock(host.clock, host.edge.timeSource);
    setExitAt(host, init, now + program.ms, 0);
    if (!foreground) return { exitCode: 0 };
    advanceClock(host.clock, program.ms);
    reapTasks(host);
    destroyContainer(host, c);
    return { exitCode: 0 };
  }
  if (program.kind === "daemon") {
    init.state = "S";
    if (c.args[0]?.endsWith("top")) init.cpuPercent = 1;
    return { exitCode: 0 };
  }
  const line = program.kind === "oneshot" ? program.line : program.argv.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(" ");
  init.state = "R";
  const out = await runInTask(host, init, line, { cwd: c.cwd, env, signal: ctx.signal, tty: c.terminal });
  if (getTask(host, init.pid)) exitTask(host, init.pid, out.exitCode);
  if (foreground) destroyContainer(host, c);
  return { stdout: out.stdout, stderr: out.stderr, exitCode: foreground ? out.exitCode : 0 };
}

/** runc delete: ends what is left of the container and forgets it. */
export function destroyContainer(host: Host, c: RuncContainer): void {
  const marker = `runc:${c.id}`;
  for (const t of Object.values(host.tasks.byPid)) if (t.containerId === marker) exitTask(host, t.pid, 128 + 9);
  removeCgroup(host, `/${c.id}`);
  if (c.ownMnt !== undefined) dropMountNamespace(host, c.ownMnt);
  delete runcState(host).containers[c.id];
  try {
    kernelFs(host).rmSync(`${RUNC_ROOT}/${c.id}`, { recursive: true, force: true });
  } catch {
    /* already gone */
  }
}
