// `hostlab export <lab>`: write the student's saved session (commands, seed, host profile, lab hash — nothing else)
// to a file an instructor grades with `hostlab grade <lab> --session FILE`.
import type { Command } from "commander";
import { withFriendlyErrors } from "../../labs/errors.js";

export function register(program: Command): void {
  program
    .command("export")
    .description("write your saved session of a lab to a file for grading (hostlab grade --session)")
    .argument("<lab>", "a lab id (looked up in ./labs) or a path to a .md file")
    .option("--out <file>", "where to write it (default: <lab-id>.session.json)")
    .action((lab: string, flags: { out?: string }) =>
      withFriendlyErrors(async () => {
        const { exportSession } = await import("../../modes/grade/export-session.js");
        const { path, commands } = await exportSession(lab, flags.out);
        process.stdout.write(`wrote ${path} (${commands} ${commands === 1 ? "command" : "commands"})\n`);
      }),
    );
}
