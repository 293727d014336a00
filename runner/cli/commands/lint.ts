// `hostlab lint <file|dir>…`: checks labs and prints `path:line:col: severity: message` for each problem (or JSON
// with --json). Exit status: 0 clean or warnings only, 1 when a lab has errors, 2 when an input cannot be read.
import chalk from "chalk";
import type { Command } from "commander";
import { EXIT_BAD_INPUT, LabInputError, withFriendlyErrors } from "../../labs/errors.js";
import { expandLabPaths, LABS_DIR } from "../../labs/find.js";
import { loadLab } from "../../labs/load.js";
import { formatDiagnostic, summarise } from "../../lint/format.js";
import { hasErrors, lintLab } from "../../lint/index.js";
import type { Diagnostic } from "../../model/source.js";

export function register(program: Command): void {
  program
    .command("lint")
    .description("check labs for mistakes (default: every lab in ./labs)")
    .argument("[paths...]", "lab files or directories of labs")
    .option("--json", "print diagnostics as JSON")
    .action((paths: string[], opts: { json?: boolean }) =>
      withFriendlyErrors(() => runLint(paths.length > 0 ? paths : [LABS_DIR], Boolean(opts.json))),
    );
}

function runLint(paths: string[], json: boolean): void {
  const diagnostics: Diagnostic[] = [];
  const inputErrors: string[] = [];
  let files = 0;
  for (const p of paths) {
    try {
      for (const file of expandLabPaths([p])) {
        try {
          diagnostics.push(...lintLab(loadLab(file)));
          files++;
        } catch (e) {
          if (!(e instanceof LabInputError)) throw e;
          inputErrors.push(e.message);
        }
      }
    } catch (e) {
      if (!(e instanceof LabInputError)) throw e;
      inputErrors.push(e.message);
    }
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  if (json) {
    process.stdout.write(JSON.stringify({ files, errors, warnings: diagnostics.length - errors, diagnostics, inputErrors }, null, 2) + "\n");
  } else {
    for (const d of diagnostics) process.stdout.write(colour(formatDiagnostic(d)) + "\n");
    for (const m of inputErrors) process.stderr.write(`hostlab: ${m}\n`);
    process.stderr.write(`${summarise(diagnostics, files)}\n`);
  }
  process.exitCode = inputErrors.length > 0 ? EXIT_BAD_INPUT : hasErrors(diagnostics) ? 1 : 0;
}

function colour(text: string): string {
  return text.replace(/: (error|warning|note): /g, (_, s: string) => {
    const paint = s === "error" ? chalk.red.bold : s === "warning" ? chalk.yellow.bold : chalk.cyan;
    return `: ${paint(s)}: `;
  });
}
