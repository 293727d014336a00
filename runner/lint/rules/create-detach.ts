// `podman create -d`: Podman 1.x accepted -d on create (and ignored it); Podman 3 and later reject it with
// `Error: unknown shorthand flag: 'd' in -dt` (observed with podman 4.3.1, ../shared/reference/host-facts/
// transcripts/*-step2-dt-error.*). Older notes, like the seed's, use it; on a RHEL 9 host (the default profile,
// podman 4) the command fails, and every later step that needs the container with it. Only `host: rhel7` keeps it.
import type { Diagnostic } from "../../model/source.js";
import { walkEntries } from "../../model/walk.js";
import { parseEngineCommand } from "../../parse/console/engine-command.js";
import { locateInCommand } from "../../parse/console/transcript.js";
import { simpleCommands, splitWords } from "../../parse/console/words.js";
import type { LintRule } from "../rule.js";

export const createDetach: LintRule = {
  name: "create-detach",
  description: "`podman create -d`, which Podman 3 and later (the rhel9 host) reject",
  run(lab) {
    if (lab.meta.host === "rhel7") return [];
    const out: Diagnostic[] = [];
    for (const v of walkEntries(lab)) {
      if (v.entry.kind !== "command") continue;
      const command = v.entry;
      for (const argv of simpleCommands(splitWords(command.command.split("\n")[0]))) {
        const engine = parseEngineCommand(argv);
        if (engine?.engine !== "podman" || engine.subcommand !== "create") continue;
        const detach = engine.options.find((o) => o.name === "-d" || o.name === "--detach");
        if (!detach) continue;
        const pos = locateInCommand(command, detach.offset);
        out.push({
          file: lab.file, ...pos, severity: "error", rule: "create-detach",
          message: `podman ${lab.meta.host ? `on the ${lab.meta.host} host` : "4 (the default rhel9 host)"} rejects \`-d\` for \`create\` (a created container is not running; there is nothing to detach); drop the \`d\`, or set \`host: rhel7\` for the old behaviour`,
          fix: { ...pos, message: "remove `d` from the flags (`podman create -t …`)" },
        });
      }
    }
    return out;
  },
};
