/**
 * `runc run [-d] [-b bundle] <id>` (runc run.go): create and start in one go. Without `-d` runc stays attached to
 * the process (a terminal process gets the user's terminal: `sh` becomes an interactive shell inside the
 * container) and deletes the container when it ends; with `-d` it leaves it running and returns.
 */
import type { CommandResult } from "../../userland/command.js";
import type { RuncCall } from "./call.js";
import { createContainer, parseCreateArgs } from "./create.js";
import { execProcess } from "./lifecycle.js";

/** run */
export const run = {
  name: "run",
  async run(call: RuncCall, args: string[]): Promise<CommandResult> {
    const a = parseCreateArgs(call, "run", args);
    if ("exitCode" in a) return a;
    const c = createContainer(call, "run", a);
    if ("exitCode" in c) return c;
    return execProcess(call, c, call.host.tasks.byPid[c.pid]!, !a.detach);
  },
};
