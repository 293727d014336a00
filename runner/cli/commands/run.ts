// `hostlab run <lab>`: the student's interactive mode (runner/modes/run/). The mode is imported when the command
// runs, so other subcommands and `--help` never load the engine or inquirer.
import type { Command } from "commander";
import { withFriendlyErrors } from "../../labs/errors.js";

export function register(program: Command): void {
  program
    .command("run")
    .description("follow a lab step by step on the built-in host; progress is saved after every command")
    .argument("<lab>", "a lab id (looked up in ./labs) or a path to a .md file")
    .option("-y, --yes", "run every command and check without asking (demos, CI)")
    .option("--restart", "start the lab over (the previous progress is kept as a backup)")
    .option("--seed <seed>", "fix the built-in host's ids, MCS pairs and pids")
    .option("--host <profile>", "built-in host profile: rhel9 or rhel7 (default: the lab's, else rhel9)")
    .option("--target <target>", "where commands run: builtin (default) or local (this machine, asks first)")
    .option("--no-color", "plain text, no colours (NO_COLOR is honoured too)")
    .action((name: string, flags: Record<string, unknown>) =>
      withFriendlyErrors(async () => {
        const { runFromCli } = await import("../../modes/run/cli-entry.js");
        process.exitCode = await runFromCli(name, flags);
      }),
    );
}
