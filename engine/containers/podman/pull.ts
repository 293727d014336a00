/**
 * `podman pull` / `docker pull`: copy an image from its registry into local storage (see images/store.ts for the
 * progress lines and the registries' errors). podman prints the image id last, on stdout.
 */
import type { CommandResult } from "../../userland/command.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { pullImage } from "../images/store.js";

/** pull */
export const pull = {
  name: "pull",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [{ name: "quiet", short: "q", kind: "bool" }, { name: "all-tags", short: "a", kind: "bool" }], true);
    if ("error" in f) return call.usage(f.error);
    const name = f.positionals[0];
    if (!name) return call.fail(call.era.engine === "podman" ? "requires at least 1 arg(s), only received 0" : "\"pull\" requires exactly 1 argument.");
    const r = pullImage(call.host, call.era, name, "pull");
    const quiet = f.bools.has("quiet") && r.exitCode === 0;
    if (quiet && call.era.engine === "docker") {
      // docker pull -q prints only the reference it pulled
      call.out(`${name.includes(":") || name.includes("@") ? name : `${name}:latest`}\n`);
      return call.done(0);
    }
    for (const [stream, text] of r.out) {
      if (quiet && stream === "stderr") continue;
      if (stream === "stdout") call.out(text);
      else call.err(text);
    }
    if (r.image && call.era.engine === "podman") call.out(`${r.image.id}\n`);
    return call.done(r.exitCode);
  },
};
