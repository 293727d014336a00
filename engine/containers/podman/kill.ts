/**
 * `podman kill` / `docker kill`: send a signal (SIGKILL unless `-s`) to containers' init processes; the container
 * is then "Exited (137)" (observed: `podman kill` → `Exited (137) Less than a second ago`). `-a` kills every
 * running container and prints their full ids; named ones are printed as given.
 */
import type { CommandResult } from "../../userland/command.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { killContainer, SIGNALS, stopContainer } from "../lifecycle.js";
import { classifyInit } from "../entrypoint.js";

/** kill */
export const kill = {
  name: "kill",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [{ name: "all", short: "a", kind: "bool" }, { name: "signal", short: "s", kind: "string" }], true);
    if ("error" in f) return call.usage(f.error);
    const sigText = (f.strings.get("signal") ?? "KILL").toUpperCase().replace(/^SIG/, "");
    const signal = /^\d+$/.test(sigText) ? Number(sigText) : SIGNALS[sigText];
    if (signal === undefined) return call.fail(`invalid signal: ${f.strings.get("signal")}`);
    const all = f.bools.has("all");
    const targets = call.targets(all, f.positionals, (c) => c.status === "running");
    let code = 0;
    for (const { ref, c } of targets) {
      if (!c) {
        code = call.notFoundCode;
        continue;
      }
      if (c.status !== "running") {
        if (call.era.engine === "podman") call.err(`Error: can only kill running containers. ${c.id} is in state ${c.status === "created" ? "created" : "exited"}: container state improper\n`);
        else call.err(`Error response from daemon: Cannot kill container ${ref}: Container ${c.id} is not running\n`);
        code = call.era.engine === "podman" ? 125 : 1;
        continue;
      }
      // pid 1 of a namespace gets only the signals it has handlers for: a shell or sleep ignores TERM, INT, HUP
      const p = classifyInit(c.command, { tty: c.tty, stdin: c.interactive });
      const ignores = p.kind === "conditional" || ((p.kind === "daemon" || p.kind === "timed") && p.ignoresTerm);
      if (p.kind === "daemon" && p.termStatus !== undefined && signal === SIGNALS.TERM) stopContainer(call.host, c, false, 0, p.termStatus);
      else if (!(ignores && [SIGNALS.TERM, SIGNALS.INT, SIGNALS.HUP].includes(signal))) killContainer(call.host, c, signal);
      call.out(`${ref}\n`);
    }
    return call.done(code);
  },
};
