// `podman run -it IMAGE` with no command runs the image's default command, which for base images (ubi, fedora,
// alpine) is a shell. hostlab cannot know that, so it keeps the following commands on the host; the author most
// likely meant them to run inside. A warning, only when commands follow in the same block; the fix is to name the
// shell (`podman run -it IMAGE bash`), which opens a nested session (docs/lab-format.md, "Nested shell sessions").
import type { Diagnostic } from "../../model/source.js";
import { walkBlocks } from "../../model/walk.js";
import { hasOption, parseEngineCommand } from "../../parse/console/engine-command.js";
import { splitWords } from "../../parse/console/words.js";
import type { LintRule } from "../rule.js";

export const implicitShell: LintRule = {
  name: "implicit-shell",
  description: "`podman run -it IMAGE` without a command, followed by commands meant for its shell",
  run(lab) {
    const out: Diagnostic[] = [];
    for (const { block } of walkBlocks(lab)) {
      if (block.kind !== "transcript") continue;
      const commands = block.entries.filter((e) => e.kind === "command");
      commands.forEach((c, i) => {
        if (i === commands.length - 1 || c.opens !== null) return;
        const words = splitWords(c.command.split("\n")[0]);
        if (words.some((w) => w.operator)) return;
        const engine = parseEngineCommand(words);
        if (!engine || engine.subcommand !== "run" || engine.positionals.length !== 1) return;
        if (!hasOption(engine, "-i", "--interactive") || !hasOption(engine, "-t", "--tty")) return;
        const image = engine.positionals[0].value;
        out.push({
          file: lab.file, line: c.line, column: c.column, severity: "warning", rule: "implicit-shell",
          message: `\`${engine.engine} run -it ${image}\` names no command, so the commands after it are run on the host; if they are meant for the container's shell, write the shell (\`… ${image} bash\`)`,
        });
      });
    }
    return out;
  },
};
