/**
 * `podman logs` / `docker logs`: what the container's init wrote (conmon keeps it in userdata/ctr.log, docker in
 * its json log). Output written to a terminal (`-t`) comes back with CRLF line ends, as a pty translates them.
 */
import type { CommandResult } from "../../userland/command.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";

/** logs */
export const logs = {
  name: "logs",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [{ name: "follow", short: "f", kind: "bool" }, { name: "tail", kind: "string" }, { name: "timestamps", short: "t", kind: "bool" }, { name: "latest", short: "l", kind: "bool" }], true);
    if ("error" in f) return call.usage(f.error);
    const ref = f.positionals[0];
    if (!ref) return call.fail(call.era.engine === "podman" ? "no containers specified" : "\"logs\" requires exactly 1 argument.");
    const c = call.container(ref);
    if (!c) return call.done(call.notFoundCode);
    let text = c.log;
    const tail = f.strings.get("tail");
    if (tail !== undefined && /^\d+$/.test(tail)) {
      const lines = text.split("\n");
      if (lines[lines.length - 1] === "") lines.pop();
      text = lines.slice(-Number(tail)).map((l) => `${l}\n`).join("");
    }
    call.out(c.tty ? text.replace(/\r?\n/g, "\r\n") : text);
    return call.done(0);
  },
};
