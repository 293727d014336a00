// `hostlab grade <lab>`: run every check of a lab (hidden ones too) on lab hosts over SSH, on this machine, or on
// replayed student sessions, and score them. The mode lives in runner/modes/grade/ and is imported when the command
// runs, so `--help` stays fast. docs/grading.md is the user's guide.
import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import { EXIT_BAD_INPUT, withFriendlyErrors } from "../../labs/errors.js";

const REPORTERS = ["table", "json", "junit", "tap", "csv"];

export function register(program: Command): void {
  program
    .command("grade")
    .description("score lab hosts with the lab's checks: over SSH (--target, --inventory), this machine, or replayed sessions")
    .argument("<lab>", "a lab id (looked up in ./labs) or a path to a .md file")
    .option("-t, --target <target>", "ssh://user@host[:port], user@host[:port], or local (repeatable)", collect)
    .option("--inventory <file>", "hosts to grade: one [user@]host[:port] [student] per line, or a YAML list of {student, host, user, port, identity}")
    .option("--session <files...>", "session files from `hostlab export`, replayed on the built-in host")
    .option("-i, --identity <file>", "ssh private key (ssh -i)")
    .option("-F, --ssh-config <file>", "ssh config file instead of ~/.ssh/config (ssh -F)")
    .option("-o, --ssh-option <option>", "extra ssh option KEY=VALUE (ssh -o; repeatable)", collect)
    .option("-j, --jobs <n>", "hosts graded at once (default 8)", positiveInt)
    .option("--timeout <seconds>", "limit per host, login included (default 60)", positiveNumber)
    .option("--check-timeout <seconds>", "limit per probe on the host (default 20)", positiveNumber)
    .option("--results <file>", "JSON-lines file each host's result is appended to as it finishes (default grade-results.jsonl)")
    .option("--resume", "skip hosts already graded in the results file (hosts that errored are tried again)")
    .option("--fresh", "start over: keep the old results file as a .bak")
    .option("--shard <i/n>", "grade shard i of n: the hosts at inventory positions i-1, i-1+n, i-1+2n …")
    .addOption(new Option("-r, --reporter <name>", "report format").choices(REPORTERS).default("table"))
    .option("--output <file>", "write the report to a file, atomically (the table is still printed)")
    .option("-y, --yes", "with --target local: go ahead without asking")
    .option("-q, --quiet", "no progress lines on stderr")
    .option("--no-color", "plain text, no colours (NO_COLOR is honoured too)")
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : EXIT_BAD_INPUT))
    .action((lab: string, flags: Record<string, unknown>) =>
      withFriendlyErrors(async () => {
        const { gradeFromCli } = await import("../../modes/grade/cli-entry.js");
        process.exitCode = await gradeFromCli(lab, flags);
      }),
    );
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("give a whole number, 1 or more");
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("give a number of seconds above 0");
  return n;
}
