/**
 * `runc exec [-t] [-d] <id> <command> [args...]` (runc exec.go): starts another process in a running container,
 * in all of its namespaces, with its cgroup, credentials and label. `-t` with a shell at a terminal opens a
 * nested shell inside the container until `exit`; otherwise the command runs to completion and its output and
 * status come back.
 */
import type { CommandResult } from "../../userland/command.js";
import { exitTask, spawnTask } from "../../kernel/tasks.js";
import { runInTask, shellQuote } from "../../shell/run-in-task.js";
import { argsError, leadingFlags, runcError, type RuncCall } from "./call.js";
import { findRuncContainer, runcStatus } from "./record.js";
import { lookPath } from "./lifecycle.js";

const VALUE_FLAGS = new Set(["console-socket", "cwd", "env", "e", "user", "u", "process", "p", "pid-file", "process-label", "apparmor", "cap", "c", "preserve-fds", "cgroup"]);

/** exec */
export const exec = {
  name: "exec",
  async run(call: RuncCall, args: string[]): Promise<CommandResult> {
    const { host, ctx } = call;
    const parsed = leadingFlags(args, VALUE_FLAGS);
    if ("error" in parsed) return runcError(parsed.error);
    if (parsed.rest.length < 2) return argsError("exec", "[command options] <container-id> <command> [command options]", 2, "minimum");
    const [id, ...argv] = parsed.rest;
    const c = findRuncContainer(host, id!);
    if (!c) return runcError("container does not exist");
    if (runcStatus(host, c) === "stopped") return runcError("cannot exec in a stopped container");
    const tty = parsed.flags.has("tty") || parsed.flags.has("t");
    const missing = lookPath(host, host.tasks.byPid[c.pid]!, argv[0]!, c.env);
    // runc exec ends with status 255 when it cannot start the process (exec.go fatalWithCode)
    if (missing) return runcError(`exec failed: unable to start container process: exec: "${argv[0]}": ${missing}`, 255);
    const init = host.tasks.byPid[c.pid]!;
    const cwd = parsed.flags.get("cwd") ?? c.cwd;
    const task = spawnTask(host, {
      ppid: ctx.task.pid, argv, cred: { ...init.cred, caps: [...init.cred.caps] }, tty: tty ? "pts/1" : "?", label: init.label,
      cgroup: init.cgroup, ns: init.ns, containerId: init.containerId, seccomp: init.seccomp ?? null, cwd,
    });
    const env: Record<string, string> = { HOME: "/root" };
    for (const kv of c.env) {
      const eq = kv.indexOf("=");
      if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    if (tty && ctx.shell.interactive && argv.length === 1 && /(^|\/)(ba)?sh$/.test(argv[0]!)) {
      ctx.shell.pushShell(task, { cwd, env, onExit: (h) => exitTask(h, task.pid, 0) });
      return { exitCode: 0 };
    }
    const out = await runInTask(host, task, argv.map(shellQuote).join(" "), { cwd, env, signal: ctx.signal, tty });
    exitTask(host, task.pid, out.exitCode);
    return { stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode };
  },
};
