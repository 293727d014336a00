/**
 * `runc kill <id> [signal]` (runc kill.go): sends a signal (SIGTERM unless named: `KILL`, `SIGKILL`, `9`) to the
 * container's init. As pid 1 of its pid namespace, the init only gets the signals it has a handler for
 * (pid_namespaces(7)): a shell or `sleep` ignores TERM, so `runc kill <id> KILL` is what ends them. A stopped
 * container cannot be signalled.
 */
import type { CommandResult } from "../../userland/command.js";
import { exitTask } from "../../kernel/tasks.js";
import { classifyInit } from "../entrypoint.js";
import { SIGNALS } from "../lifecycle.js";
import { argsError, leadingFlags, runcError, type RuncCall } from "./call.js";
import { findRuncContainer, runcStatus } from "./record.js";

/** kill */
export const kill = {
  name: "kill",
  run(call: RuncCall, args: string[]): CommandResult {
    const parsed = leadingFlags(args, new Set());
    if ("error" in parsed) return runcError(parsed.error);
    const rest = parsed.rest;
    if (rest.length < 1 || rest.length > 2) return argsError("kill", "<container-id> [signal]", 1, "minimum");
    const c = findRuncContainer(call.host, rest[0]!);
    if (!c) return runcError("container does not exist");
    const text = (rest[1] ?? "SIGTERM").toUpperCase();
    const signal = /^\d+$/.test(text) ? Number(text) : SIGNALS[text.replace(/^SIG/, "")];
    if (signal === undefined || signal < 1 || signal > 64) return runcError(`unknown signal "${rest[1]}"`);
    if (runcStatus(call.host, c) === "stopped") return runcError("container not running");
    const r = call.ctx.fs.sys("kill", [c.pid, signal], () => true);
    if (!r.ok) return runcError("unable to signal init: operation not permitted");
    // a waiting `runc init` has no handlers; once started, what the program does with the signal decides
    const program = c.started ? classifyInit(c.args, { tty: c.terminal, stdin: true }) : undefined;
    const ignores = program ? ("ignoresTerm" in program ? program.ignoresTerm : false) : true;
    const catchable = [SIGNALS.TERM, SIGNALS.INT, SIGNALS.HUP, SIGNALS.USR1, SIGNALS.USR2, SIGNALS.QUIT];
    if (catchable.includes(signal) && ignores) return { exitCode: 0 };
    if (signal === SIGNALS.STOP) return { exitCode: 0 };
    exitTask(call.host, c.pid, 128 + signal);
    return { exitCode: 0 };
  },
};
