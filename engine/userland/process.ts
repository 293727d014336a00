/**
 * Commands about processes: kill (signals through the kill(2) syscall; a signal that is not caught ends the
 * task, which its parent or engine learns through the exit listeners), sleep (a task that ends by itself after N
 * virtual seconds; the clock moves forward while it sleeps in the foreground), and bash/sh without arguments (a
 * nested interactive shell; `exit` returns to the one below).
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { exitTask, findTaskInNs, spawnTask, setExitAt } from "../kernel/tasks.js";
import { advanceClock, readClock } from "../kernel/clock.js";

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15, CONT: 18, STOP: 19 };

function kill(args: string[], ctx: CommandContext): CommandResult {
  let sig = 15;
  const pids: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-l") return { stdout: " 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\t15) SIGTERM\n", exitCode: 0 };
    if (a === "-s" || a === "-n") { sig = parseSignal(args[++i] ?? "") ?? -1; continue; }
    if (a.startsWith("-") && pids.length === 0) { sig = parseSignal(a.slice(1)) ?? -1; continue; }
    pids.push(a);
  }
  if (sig < 0) return { stderr: `bash: kill: ${args[0]?.slice(1)}: invalid signal specification\n`, exitCode: 1 };
  if (pids.length === 0) return { stderr: "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n", exitCode: 2 };
  let stderr = "";
  for (const p of pids) {
    if (!/^-?\d+$/.test(p)) { stderr += `bash: kill: ${p}: arguments must be process or job IDs\n`; continue; }
    const target = findTaskInNs(ctx.host, ctx.task.ns.pid, Number(p));
    if (!target) { stderr += `bash: kill: (${p}) - No such process\n`; continue; }
    // init of a pid namespace only gets the signals it handles; from inside its namespace not even SIGKILL
    if (target.pid === 1 || (target.vpid === 1 && target.ns.pid === ctx.task.ns.pid)) continue;
    const r = ctx.fs.sys("kill", [Number(p), sig], () => {
      if (ctx.task.cred.uid !== 0 && ctx.task.cred.uid !== target.cred.uid) return "EPERM" as const;
      if (sig === 0 || sig === 18) return null;
      if (sig === 19) { target.state = "T"; return null; }
      exitTask(ctx.host, target.pid, 128 + sig);
      return null;
    });
    if (!r.ok || r.value) stderr += `bash: kill: (${p}) - Operation not permitted\n`;
  }
  return { stderr, exitCode: stderr ? 1 : 0 };
}

function parseSignal(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const name = s.toUpperCase().replace(/^SIG/, "");
  return SIGNALS[name] ?? null;
}
export const killCommand: UserCommand = { name: "kill", run: kill };

/** sleep NUMBER[SUFFIX]… */
async function sleep(args: string[], ctx: CommandContext): Promise<CommandResult> {
  if (args.length === 0) return { stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1 };
  let seconds = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return { stderr: `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`, exitCode: 1 };
    seconds += Number(m[1]) * ({ "": 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]];
  }
  if (ctx.signal?.aborted) return { exitCode: 130 };
  const ms = Math.round(seconds * 1000);
  // in a background job the process sleeps on its own: it ends when its time is up, nobody waits for it
  if (ctx.background) {
    setExitAt(ctx.host, ctx.task, readClock(ctx.host.clock, ctx.host.edge.timeSource) + ms, 0);
    ctx.task.state = "S";
    return { exitCode: 0 };
  }
  const wait = ctx.host.edge.wait;
  // at a terminal the wall clock moves while we wait; a scripted run jumps the virtual clock instead
  if (wait && ctx.host.clock.mode === "wall") {
    await wait(ms, ctx.signal);
    return { exitCode: ctx.signal?.aborted ? 130 : 0 };
  }
  advanceClock(ctx.host.clock, ms);
  return { exitCode: 0 };
}
export const sleepCommand: UserCommand = { name: "sleep", run: sleep };

async function bash(args: string[], ctx: CommandContext, name: string): Promise<CommandResult> {
  if (args.length > 0 && ctx.builtin) return ctx.builtin(args);
  if (args.length > 0) return { stderr: `${name}: not available\n`, exitCode: 127 };
  const parent = ctx.host.tasks.byPid[ctx.task.ppid] ?? ctx.task;
  const child = spawnTask(ctx.host, { ppid: parent.pid, argv: [name], cwd: ctx.cwd });
  const level = Number(ctx.env.SHLVL ?? "1") + 1;
  ctx.shell.pushShell(child, { cwd: ctx.cwd, env: { ...ctx.env, SHLVL: String(level) }, onExit: (host) => exitTask(host, child.pid, 0) });
  return { exitCode: 0 };
}
export const bashCommand: UserCommand = { name: "bash", run: (a, c) => bash(a, c, "bash") };
export const shCommand: UserCommand = { name: "sh", run: (a, c) => bash(a, c, "sh") };
