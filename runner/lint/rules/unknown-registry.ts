// Images must come from a registry that exists. A host one or two typos away from a well-known registry is an error
// with the likely fix (`registry-access.redhat.com` → `registry.access.redhat.com`): the pull fails on every host.
// Any other unknown host is a warning: it may be a private registry the built-in host cannot reach.
import type { Diagnostic } from "../../model/source.js";
import { walkBlocks, walkEntries } from "../../model/walk.js";
import { closest } from "../../parse/closest.js";
import { parseEngineCommand } from "../../parse/console/engine-command.js";
import { locateInCommand } from "../../parse/console/transcript.js";
import { simpleCommands, splitWords } from "../../parse/console/words.js";
import { isAcceptedRegistry, KNOWN_REGISTRIES, registryHost } from "../registries.js";
import type { LintRule } from "../rule.js";

/** Subcommands whose first positional argument is an image. */
const IMAGE_SUBCOMMANDS = new Set(["run", "create", "pull"]);

export const unknownRegistry: LintRule = {
  name: "unknown-registry",
  description: "an image from a registry host that does not exist (with the closest real one)",
  run(lab) {
    const out: Diagnostic[] = [];
    const check = (image: string, pos: { line: number; column: number }) => {
      const host = registryHost(image);
      if (!host || isAcceptedRegistry(host)) return;
      const guess = closest(host, KNOWN_REGISTRIES);
      out.push(
        guess
          ? { file: lab.file, ...pos, severity: "error", rule: "unknown-registry",
              message: `registry host \`${host}\` does not exist; did you mean \`${guess}\`?`,
              fix: { ...pos, message: `replace \`${host}\` with \`${guess}\`` } }
          : { file: lab.file, ...pos, severity: "warning", rule: "unknown-registry",
              message: `\`${host}\` is not a registry hostlab knows (${KNOWN_REGISTRIES.slice(0, 3).join(", ")} …); the built-in host cannot pull from it` },
      );
    };
    for (const v of walkEntries(lab)) {
      if (v.entry.kind !== "command") continue;
      const command = v.entry;
      for (const argv of simpleCommands(splitWords(command.command.split("\n")[0]))) {
        const engine = parseEngineCommand(argv);
        const image = engine && IMAGE_SUBCOMMANDS.has(engine.subcommand) ? engine.positionals[0] : undefined;
        if (image) check(image.value, locateInCommand(command, image.offset));
      }
    }
    // FROM lines of Containerfiles the lab writes.
    for (const { block } of walkBlocks(lab)) {
      if (block.kind !== "file" || !/(Container|Docker)file/i.test(block.path)) continue;
      block.content.split("\n").forEach((text, i) => {
        const m = /^(\s*FROM\s+(?:--platform=\S+\s+)?)(\S+)/i.exec(text);
        if (m) check(m[2], { line: block.line + 1 + i, column: m[1].length + 1 });
      });
    }
    return out;
  },
};
