// `hostlab book [labs…] --out DIR`: the course as a static site (book/): every lab's page with the outputs of a run
// on the built-in host, and a terminal that runs that host in the reader's browser. `--serve` serves it on
// 127.0.0.1 and rebuilds when a lab changes. Exit status: 0 built, 1 a lab's run failed (the book is not written
// unless --allow-failing), 2 bad input (no such lab, bad option).
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { statSync } from "node:fs";
import { EXIT_BAD_INPUT, LabInputError, withFriendlyErrors } from "../../labs/errors.js";
import { expandLabPaths, findLab, LABS_DIR } from "../../labs/find.js";

/** Where the site goes when --out is not given (git-ignored). */
export const DEFAULT_BOOK_DIR = "book-out";
const DEFAULT_PORT = 4000;

interface BookOptions {
  out: string;
  allowFailing?: boolean;
  title?: string;
  serve?: boolean;
  port: number;
}

export function register(program: Command): void {
  program
    .command("book")
    .description("build the course as a static site with a terminal in the page (default: every lab in ./labs)")
    .argument("[labs...]", "lab ids, lab files or directories of labs")
    .option("-o, --out <dir>", "folder to write the site into", DEFAULT_BOOK_DIR)
    .option("--allow-failing", "publish labs whose run fails, marked as failing, instead of stopping")
    .option("--title <text>", "the course's name on every page (default: \"hostlab labs\")")
    .option("--serve", "serve the site on 127.0.0.1 and rebuild when a lab changes")
    .option("-p, --port <n>", "port for --serve (0: any free port)", parsePort, DEFAULT_PORT)
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : EXIT_BAD_INPUT))
    .action((labs: string[], opts: BookOptions) => withFriendlyErrors(() => runBook(labs.length > 0 ? labs : [LABS_DIR], opts)));
}

async function runBook(names: string[], opts: BookOptions): Promise<void> {
  const ok = await build(names, opts);
  if (!opts.serve) {
    if (!ok) process.exitCode = 1;
    return;
  }
  const { serveStatic, watchLabs } = await import("../../../book/serve.js");
  const { url } = await serveStatic(opts.out, opts.port).catch((e: NodeJS.ErrnoException) => {
    throw new LabInputError(e.code === "EADDRINUSE" ? `port ${opts.port} is in use; pick another with --port` : `cannot serve: ${e.message}`);
  });
  process.stdout.write(`serving the book at ${url} (Ctrl-C stops); watching the labs for changes\n`);
  let building = Promise.resolve();
  watchLabs(names.filter(isPath), (file) => {
    building = building.then(async () => {
      process.stdout.write(`${file} changed: rebuilding…\n`);
      if (await build(names, opts)) process.stdout.write(`rebuilt; reload ${url}\n`);
    });
  });
  await new Promise(() => {}); // serve until interrupted
}

// One build; a failing lab is reported and leaves the previous site in place. Returns whether it succeeded.
async function build(names: string[], opts: BookOptions): Promise<boolean> {
  // Loaded when a book is built, so other subcommands start without the engine and the site builder.
  const { BookFailure, buildBook } = await import("../../../book/build.js");
  try {
    const result = await buildBook({
      labFiles: resolveLabs(names),
      outDir: opts.out,
      allowFailing: opts.allowFailing,
      title: opts.title,
      log: (line) => process.stdout.write(`  ${line}\n`),
    });
    const failing = result.labs.filter((l) => !l.passed).length;
    process.stdout.write(
      `built ${result.labs.length} ${result.labs.length === 1 ? "lab" : "labs"} into ${opts.out}/ in ${(result.durationMs / 1000).toFixed(2)} s` +
        `${failing ? ` (${failing} marked failing)` : ""}; open ${opts.out}/index.html\n`,
    );
    return true;
  } catch (e) {
    if (!(e instanceof BookFailure)) throw e;
    process.stderr.write(`hostlab: ${e.message}\n`);
    return false;
  }
}

// As `hostlab test` resolves them: folders of labs, lab files, or ids looked up in ./labs.
function resolveLabs(names: string[]): string[] {
  const files = names.flatMap((name) => (isPath(name) ? expandLabPaths([name]) : [findLab(name).file]));
  return [...new Set(files)];
}

function isPath(name: string): boolean {
  try {
    const st = statSync(name);
    return st.isDirectory() || st.isFile();
  } catch {
    return false;
  }
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("give a port number from 0 to 65535");
  return n;
}
