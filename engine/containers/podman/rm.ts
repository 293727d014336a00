/**
 * `podman rm` / `docker rm`: delete containers — their layer, their userdata, their MCS pair. A running one is
 * refused unless `-f`, which kills it first. `-a` removes every container and prints full ids; named ones are
 * printed as given (observed: `podman rm on-off-container` → `on-off-container`).
 */
import type { CommandResult } from "../../userland/command.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { killContainer, removeContainer, SIGNALS } from "../lifecycle.js";

/** rm */
export const rm = {
  name: "rm",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [
      { name: "all", short: "a", kind: "bool" }, { name: "force", short: "f", kind: "bool" },
      { name: "time", short: "t", kind: "string" }, { name: "volumes", short: "v", kind: "bool" },
    ], true);
    if ("error" in f) return call.usage(f.error);
    const force = f.bools.has("force");
    const targets = call.targets(f.bools.has("all"), f.positionals);
    let code = 0;
    for (const { ref, c } of targets) {
      if (!c) {
        code = call.notFoundCode;
        continue;
      }
      if (c.status === "running" && !force) {
        if (call.era.engine === "podman") {
          call.err(`Error: cannot remove container ${c.id} as it is running - running or paused containers cannot be removed without force: container state improper\n`);
          code = 2;
        } else {
          call.err(`Error response from daemon: You cannot remove a running container ${c.id}. Stop the container before attempting removal or use -f\n`);
          code = 1;
        }
        continue;
      }
      if (c.status === "running") killContainer(call.host, c, SIGNALS.KILL!);
      removeContainer(call.host, call.era, c);
      call.out(`${ref}\n`);
    }
    return call.done(code);
  },
};
