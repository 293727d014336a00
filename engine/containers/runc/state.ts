/**
 * `runc state <id>` (runc state.go): the container's state as the runtime-spec's state object (runtime.md
 * "State"), indented with two spaces: ociVersion, id, init pid (0 once stopped), status, bundle, rootfs,
 * created, annotations when config.json has them, owner ("" here, as runc leaves it in this command).
 */
import type { CommandResult } from "../../userland/command.js";
import { argsError, runcError, type RuncCall } from "./call.js";
import { findRuncContainer, rfc3339Nano, runcStatus } from "./record.js";

/** state */
export const state = {
  name: "state",
  run(call: RuncCall, args: string[]): CommandResult {
    if (args.length !== 1) return argsError("state", "<container-id>", 1, "exactly");
    const c = findRuncContainer(call.host, args[0]!);
    if (!c) return runcError("container does not exist");
    const status = runcStatus(call.host, c);
    const doc = {
      ociVersion: c.ociVersion, id: c.id, pid: status === "stopped" ? 0 : c.pid, status, bundle: c.bundle, rootfs: c.rootfs,
      created: rfc3339Nano(c.createdMs, c.createdNs), ...(c.annotations ? { annotations: c.annotations } : {}), owner: "",
    };
    return { stdout: JSON.stringify(doc, null, "  ") + "\n", exitCode: 0 };
  },
};
