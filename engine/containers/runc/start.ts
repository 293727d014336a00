/**
 * `runc start <id>` (runc start.go): tells a created container's waiting init to exec the process. Only a
 * created container can start; a running or stopped one is refused with runc's words.
 */
import type { CommandResult } from "../../userland/command.js";
import { argsError, runcError, type RuncCall } from "./call.js";
import { findRuncContainer, runcStatus } from "./record.js";
import { execProcess } from "./lifecycle.js";

/** start */
export const start = {
  name: "start",
  async run(call: RuncCall, args: string[]): Promise<CommandResult> {
    if (args.length !== 1) return argsError("start", "<container-id>", 1, "exactly");
    const c = findRuncContainer(call.host, args[0]!);
    if (!c) return runcError("container does not exist");
    const status = runcStatus(call.host, c);
    if (status === "stopped") return runcError("cannot start a container that has stopped");
    if (status === "running") return runcError("cannot start an already running container");
    return execProcess(call, c, call.host.tasks.byPid[c.pid]!, false);
  },
};
