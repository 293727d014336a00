// `hostlab show <lab>`: what the parser understood of a lab, as an outline, or the whole Lab model with --json
// (the contract other tools build on: see runner/model/lab.ts).
import type { Command } from "commander";
import { withFriendlyErrors } from "../../labs/errors.js";
import { findLab } from "../../labs/find.js";
import { renderOutline } from "../../labs/outline.js";

export function register(program: Command): void {
  program
    .command("show")
    .description("show how a lab was parsed: steps, commands, sessions, files, checks")
    .argument("<lab>", "a lab id (looked up in ./labs) or a path to a .md file")
    .option("--json", "print the parsed lab model as JSON")
    .action((name: string, opts: { json?: boolean }) =>
      withFriendlyErrors(() => {
        const lab = findLab(name);
        process.stdout.write((opts.json ? JSON.stringify(lab, null, 2) : renderOutline(lab)) + "\n");
      }),
    );
}
