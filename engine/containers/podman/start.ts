/**
 * `podman start` / `docker start`: start created or exited containers and print each one as it was named on the
 * command line (`podman start on-off-container` → `on-off-container`, observed). The init's output goes to the
 * container's log unless `-a` attaches to it. A running container is left alone.
 */
import type { CommandResult } from "../../userland/command.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { startContainer } from "../lifecycle.js";

/** start */
export const start = {
  name: "start",
  async run(call: EngineCall, args: string[]): Promise<CommandResult> {
    const f = parseFlags(args, [{ name: "attach", short: "a", kind: "bool" }, { name: "interactive", short: "i", kind: "bool" }], true);
    if ("error" in f) return call.usage(f.error);
    if (f.positionals.length === 0) return call.fail(call.era.engine === "podman" ? "start requires at least 1 arg(s), only received 0" : "\"start\" requires at least 1 argument.");
    let code = 0;
    for (const ref of f.positionals) {
      const c = call.container(ref);
      if (!c) {
        code = call.notFoundCode;
        continue;
      }
      if (c.status !== "running") {
        const r = await startContainer(call.host, call.era, c, { control: call.ctx.shell });
        if (f.bools.has("attach") && r.output) {
          call.attached(r.output.output, c.tty);
          code = r.output.exitCode;
          continue;
        }
      }
      if (!f.bools.has("attach")) call.out(`${ref}\n`);
    }
    return call.done(code);
  },
};
