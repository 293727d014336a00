/**
 * `podman run` / `docker run` (podman-run(1)): create a container from an image — pulling it first if it is not
 * in local storage — and start it. With `-d` the engine prints the new container's full id and returns; without
 * it the terminal is attached: a command that runs to completion prints its output and `run` exits with the
 * container's status (`chmod` denied by seccomp → 1); `-it` with a shell opens a nested session in the container;
 * a command that ends later (`sleep 5`) is waited for; one that never ends keeps running (Ctrl-C would detach).
 */
import type { CommandResult } from "../../userland/command.js";
import { advanceClock } from "../../kernel/clock.js";
import { exitTask, reapTasks } from "../../kernel/tasks.js";
import type { EngineCall } from "../cli/engine-call.js";
import { startContainer } from "../lifecycle.js";
import { containerEnv } from "../runtime.js";
import { parseCreateOptions } from "./create-options.js";
import { createFromOptions } from "./create.js";

/** run */
export const run = {
  name: "run",
  async run(call: EngineCall, args: string[]): Promise<CommandResult> {
    const opts = parseCreateOptions(call, args, true);
    if ("exitCode" in opts) return opts;
    const c = createFromOptions(call, opts, args);
    if (!c) return call.done(125);
    const control = call.ctx.shell;
    const started = await startContainer(call.host, call.era, c, { control });
    if (opts.detach) {
      call.out(`${c.id}\n`);
      return call.done(0);
    }
    if (started.output) {
      call.attached(started.output.output, c.tty);
      return call.done(started.output.exitCode);
    }
    const p = started.program.kind === "conditional" ? started.program.then : started.program;
    if (p.kind === "timed") {
      advanceClock(call.host.clock, p.ms);
      reapTasks(call.host);
      return call.done(c.exitCode);
    }
    // an interactive shell takes over the terminal; other programs (top's screen) are left running, as after Ctrl-P Ctrl-Q
    if (opts.interactive && started.init && p.kind === "daemon" && /(^|\/)(ba|a)?sh$/.test(p.argv[0] ?? "")) {
      const init = started.init;
      control.pushShell(init, { cwd: "/", env: containerEnv(c, call.era), onExit: (host) => { if (host.tasks.byPid[init.pid]) exitTask(host, init.pid, 0); } });
    }
    return call.done(0);
  },
};
