/**
 * `podman umount` (podman-umount(1)): drops one `podman mount` of a container's rootfs; the overlay is unmounted
 * from the host when no mount is left and the container is not running. Prints the container as named.
 */
import type { CommandResult } from "../../userland/command.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { unmountRootfs } from "../storage.js";

/** umount */
export const umount = {
  name: "umount",
  aliases: ["unmount"],
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [{ name: "all", short: "a", kind: "bool" }, { name: "force", short: "f", kind: "bool" }], true);
    if ("error" in f) return call.usage(f.error);
    const targets = call.targets(f.bools.has("all"), f.positionals, (c) => c.mountCount > 0);
    let code = 0;
    for (const { ref, c } of targets) {
      if (!c) {
        code = 125;
        continue;
      }
      c.mountCount = f.bools.has("force") ? 0 : Math.max(0, c.mountCount - 1);
      if (c.mountCount === 0 && c.status !== "running") unmountRootfs(call.host, call.era, c);
      call.out(`${f.bools.has("all") ? c.id : ref}\n`);
    }
    return call.done(code);
  },
};
