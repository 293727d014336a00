// `hostlab test [labs…]`: the author's proof that every lab still runs. Each lab is played on a fresh, seeded built-in
// host (runner/modes/test): checks self-tested around their step, every command judged against the notes. Prints a
// tree of labs → steps → commands and checks, or a JSON/JUnit/TAP report; `--output` writes the report to a file
// while the tree goes to the terminal. Exit status: 0 all passed, 1 any failure, 2 bad input (no such lab).
import chalk, { Chalk } from "chalk";
import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { EXIT_BAD_INPUT, withFriendlyErrors } from "../../labs/errors.js";
import { expandLabPaths, findLab, LABS_DIR } from "../../labs/find.js";
import type { LabTestResult } from "../../modes/test/index.js";
import { toJson } from "../../report/json.js";
import { toJUnit } from "../../report/junit.js";
import type { LabOutcome } from "../../report/results.js";
import { labPassed } from "../../report/results.js";
import { toTap } from "../../report/tap.js";
import { renderLabTree, renderTree, summaryLine } from "../../report/tree.js";
import { writeFileAtomic } from "../../state/atomic-write.js";

const REPORTERS = ["tree", "json", "junit", "tap"] as const;
type Reporter = (typeof REPORTERS)[number];

interface TestOptions {
  reporter: Reporter;
  output?: string;
  update?: boolean;
  jobs?: number;
  color: boolean;
}

export function register(program: Command): void {
  program
    .command("test")
    .description("run every lab on the built-in host and check each transcript and check (default: every lab in ./labs)")
    .argument("[labs...]", "lab ids, lab files or directories of labs")
    .addOption(new Option("-r, --reporter <name>", "report format").choices(REPORTERS).default("tree"))
    .option("-o, --output <file>", "write the report to a file (the tree is still printed)")
    .option("-u, --update", "rewrite expected output that no longer matches from this run (keeps matching lines as written)")
    .option("-j, --jobs <n>", "labs tested at once (default: the available cores)", parseJobs)
    .option("--no-color", "print without colours (also NO_COLOR=1)")
    // A wrong option (an unknown reporter, --jobs 0) is bad input like a missing lab: exit 2, not commander's 1.
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : EXIT_BAD_INPUT))
    .action((labs: string[], opts: TestOptions) => withFriendlyErrors(() => runTest(labs.length > 0 ? labs : [LABS_DIR], opts)));
}

async function runTest(names: string[], opts: TestOptions): Promise<void> {
  const files = resolveLabs(names);
  const color = opts.color && !process.env.NO_COLOR && chalk.level > 0;
  // The tree goes to the terminal lab by lab, each as soon as it and the labs before it are done: the output is the
  // same whatever order the labs finish in, and a long run shows progress.
  const treeOnTerminal = opts.reporter === "tree" || opts.output !== undefined;
  const printInOrder = inOrder((outcome: LabOutcome) => process.stdout.write(renderLabTree(outcome, { color })));
  const started = performance.now();
  // Loaded when the command runs, so other subcommands start without the engine (see scripts/build.mjs).
  const { testLabFiles } = await import("../../modes/test/index.js");
  let results = await testLabFiles(files, {
    jobs: opts.jobs ?? availableParallelism(),
    onResult: treeOnTerminal ? (index, result) => printInOrder(index, result.outcome) : undefined,
  });
  const durationMs = performance.now() - started;
  const outcomes = results.map((r) => r.outcome);
  if (treeOnTerminal) process.stdout.write(`\n${summaryLine(outcomes, new Chalk({ level: color ? 1 : 0 }), durationMs)}\n`);
  if (opts.output) await writeFileAtomic(opts.output, render(opts.reporter, outcomes, false, durationMs));
  else if (!treeOnTerminal) process.stdout.write(render(opts.reporter, outcomes, false, durationMs));

  if (opts.update) results = await update(files, results);
  process.exitCode = results.every((r) => labPassed(r.outcome)) ? 0 : 1;
}

/** Calls `emit` with items in index order, holding back each until all before it have arrived. */
function inOrder<T>(emit: (item: T) => void): (index: number, item: T) => void {
  const waiting = new Map<number, T>();
  let next = 0;
  return (index, item) => {
    waiting.set(index, item);
    while (waiting.has(next)) {
      emit(waiting.get(next)!);
      waiting.delete(next++);
    }
  };
}

// Each name is a directory of labs, a lab file, or a lab id looked up in ./labs; all are resolved before anything
// runs, so a typo fails fast with exit 2.
function resolveLabs(names: string[]): string[] {
  const files: string[] = [];
  for (const name of names) {
    let isPath = false;
    try {
      isPath = statSync(name).isDirectory() || statSync(name).isFile();
    } catch {
      // not a path: an id
    }
    files.push(...(isPath ? expandLabPaths([name]) : [findLab(name).file]));
  }
  // A lab named twice (`labs` and `labs/x.md`, `./labs/x.md` and `labs/x.md`) runs once.
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(path.resolve(f)) && seen.add(path.resolve(f)));
}

function render(reporter: Reporter, labs: LabOutcome[], color: boolean, durationMs: number): string {
  switch (reporter) {
    case "json":
      return toJson(labs);
    case "junit":
      return toJUnit(labs);
    case "tap":
      return toTap(labs);
    default:
      return renderTree(labs, { color, durationMs });
  }
}

// Rewrites each failing lab's mismatched outputs; the exit status then follows the labs as they are after the update.
async function update(files: string[], results: LabTestResult[]): Promise<LabTestResult[]> {
  const after = [...results];
  for (let k = 0; k < files.length; k++) {
    if (labPassed(results[k].outcome) || results[k].actuals.length === 0) continue; // nothing ran: nothing to write
    const { updateLabFile } = await import("../../modes/test/update.js");
    const u = await updateLabFile(files[k], results[k]);
    if (u.refused) process.stderr.write(`hostlab: ${files[k]}: not updated: ${u.refused}\n`);
    if (!u.retest) continue;
    after[k] = u.retest;
    const n = u.rewritten.length;
    const left = labPassed(u.retest.outcome) ? "it passes now" : "it still fails: see above for what --update cannot fix (checks, lab errors, commands that did not run)";
    process.stderr.write(`updated ${files[k]}: ${n} expected ${n === 1 ? "output" : "outputs"} rewritten (lines ${u.rewritten.join(", ")}); ${left}\n`);
  }
  return after;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("give a whole number of labs, 1 or more");
  return n;
}

