/**
 * `podman stop` / `docker stop`: SIGTERM to each container's init, then SIGKILL after the timeout (`-t`, 10 s) if
 * it is still there. A shell or `sleep` running as pid 1 has no SIGTERM handler and the kernel ignores the signal
 * for a namespace's init, so those containers end "Exited (137)" after the full timeout; podman 4 warns about it.
 */
import type { CommandResult } from "../../userland/command.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { stopContainer } from "../lifecycle.js";
import { classifyInit } from "../entrypoint.js";

/** stop */
export const stop = {
  name: "stop",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [{ name: "all", short: "a", kind: "bool" }, { name: "time", short: "t", kind: "string" }, { name: "timeout", kind: "string" }], true);
    if ("error" in f) return call.usage(f.error);
    const timeout = Number(f.strings.get("time") ?? f.strings.get("timeout") ?? 10);
    const targets = call.targets(f.bools.has("all"), f.positionals, (c) => c.status === "running");
    let code = 0;
    for (const { ref, c } of targets) {
      if (!c) {
        code = call.notFoundCode;
        continue;
      }
      const p = classifyInit(c.command, { tty: c.tty, stdin: c.interactive });
      const ignores = p.kind === "daemon" || p.kind === "timed" ? p.ignoresTerm : p.kind === "conditional";
      const termStatus = p.kind === "daemon" ? p.termStatus : undefined;
      const killed = stopContainer(call.host, c, ignores, timeout, termStatus);
      if (killed && call.era.family === "podman4") {
        call.err(`WARN[${String(timeout).padStart(4, "0")}] StopSignal SIGTERM failed to stop container ${c.name} in ${timeout} seconds, resorting to SIGKILL\n`);
      }
      call.out(`${ref}\n`);
    }
    return call.done(code);
  },
};
