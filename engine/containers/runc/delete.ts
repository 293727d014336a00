/**
 * `runc delete [-f] <id>...` (runc delete.go): forgets stopped containers; a created one is killed first; a
 * running one only with `--force` (SIGKILL), otherwise runc refuses. `-f` on an unknown id is silent.
 */
import type { CommandResult } from "../../userland/command.js";
import { argsError, leadingFlags, runcError, type RuncCall } from "./call.js";
import { findRuncContainer, runcStatus } from "./record.js";
import { destroyContainer } from "./lifecycle.js";

/** delete */
export const del = {
  name: "delete",
  run(call: RuncCall, args: string[]): CommandResult {
    const parsed = leadingFlags(args, new Set());
    if ("error" in parsed) return runcError(parsed.error);
    const force = parsed.flags.has("force") || parsed.flags.has("f");
    if (parsed.rest.length < 1) return argsError("delete", "<container-id>", 1, "minimum");
    for (const id of parsed.rest) {
      const c = findRuncContainer(call.host, id);
      if (!c) {
        if (force) continue;
        return runcError("container does not exist");
      }
      const status = runcStatus(call.host, c);
      if (status === "running" && !force) return runcError(`cannot delete container ${id} that is not stopped: running`);
      destroyContainer(call.host, c);
    }
    return { exitCode: 0 };
  },
};
