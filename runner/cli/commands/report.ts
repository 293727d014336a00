// `hostlab report merge FILE…`: join the results files of grading shards (or of several runs) into one report.
// Exit status: 0 every host graded, 1 any host could not be graded, 2 bad input (files about different labs).
import chalk from "chalk";
import type { Command } from "commander";
import { Option } from "commander";
import { EXIT_BAD_INPUT, LabInputError, withFriendlyErrors } from "../../labs/errors.js";

const REPORTERS = ["table", "json", "junit", "tap", "csv"];

export function register(program: Command): void {
  const report = program.command("report").description("work with grading results (hostlab grade --results)");
  report
    .command("merge")
    .description("join results files (e.g. one per --shard) into one report; one record per host")
    .argument("<files...>", "JSON-lines results files")
    .addOption(new Option("-r, --reporter <name>", "report format").choices(REPORTERS).default("table"))
    .option("--output <file>", "write the report to a file, atomically (the table is still printed)")
    .option("--no-color", "plain text, no colours")
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : EXIT_BAD_INPUT))
    .action((files: string[], flags: { reporter: string; output?: string; color: boolean }) =>
      withFriendlyErrors(async () => {
        const { existsSync } = await import("node:fs");
        const { mergeResults } = await import("../../modes/grade/merge.js");
        const { renderGrades } = await import("../../modes/grade/render.js");
        const { anyHostErrored } = await import("../../report/grade-results.js");
        const { writeFileAtomic } = await import("../../state/atomic-write.js");
        for (const f of files) if (!existsSync(f)) throw new LabInputError(`${f}: no such results file`);
        const { grades, skipped } = mergeResults(files);
        for (const s of skipped.slice(0, 5)) process.stderr.write(`hostlab: ${s.file}:${s.line}: ignored: ${s.reason}\n`);
        if (grades.length === 0) throw new LabInputError("no grade records in these files");
        const color = flags.color && !process.env.NO_COLOR && chalk.level > 0;
        const reporter = flags.reporter as Parameters<typeof renderGrades>[0];
        if (flags.output) {
          await writeFileAtomic(flags.output, renderGrades(reporter, grades, false));
          process.stdout.write(renderGrades("table", grades, color));
        } else process.stdout.write(renderGrades(reporter, grades, color));
        process.exitCode = anyHostErrored(grades) ? 1 : 0;
      }),
    );
}
