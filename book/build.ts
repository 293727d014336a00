// Building the book: every lab is parsed, played on a fresh seeded built-in host (capture.ts), and written as a page
// with the outputs that run printed; then the index, the stylesheet and the browser terminal's bundle. A lab whose
// run fails stops the build (BookFailure: lab, step, diff) unless `allowFailing`, which keeps it with a banner.
//
// Layout of the site (relative links only, so it works from any static host and from file://):
//   index.html  labs/<id>.html  assets/book.css  assets/terminal.js  assets/terminal.css
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_PROFILE } from "../engine/profiles/index.js";
import { LabInputError } from "../runner/labs/errors.js";
import { readLabText } from "../runner/labs/load.js";
import type { Lab } from "../runner/model/lab.js";
import { parseLab } from "../runner/parse/index.js";
import { seedOf } from "../runner/modes/test/seed.js";
import { planLab, type LabPlan } from "../runner/play/plan.js";
import { hashLabText } from "../runner/session/lab-hash.js";
import { BUNDLE_FILES, locateTerminalBundle } from "./bundle/terminal-bundle.js";
import { captureLab, type LabCapture } from "./capture.js";
import { describeFailures, labFailures, type LabFailure } from "./failure.js";
import type { LabPageData } from "./page-data.js";
import { renderIndexPage } from "./render/index-page.js";
import { renderLabPage, visibleChecks } from "./render/lab-page.js";
import { BOOK_CSS } from "./render/style.js";

export interface BuildBookOptions {
  /** Lab files, in the order the index lists them. */
  labFiles: string[];
  outDir: string;
  /** Keep labs whose run fails, marked in their page and the index, instead of stopping. */
  allowFailing?: boolean;
  /** The course's name on every page. */
  title?: string;
  /** A folder with terminal.js and terminal.css; default: the prebuilt bundle, else bundled now. */
  bundleDir?: string;
  /** Progress lines ("container-hosts: 6 steps, 36 commands"), for the CLI. */
  log?: (line: string) => void;
}

/** One lab as built. */
export interface BuiltLab {
  id: string;
  file: string;
  /** The page's path inside the site, e.g. labs/container-hosts.html. */
  page: string;
  passed: boolean;
  failures: LabFailure[];
}

export interface BookResult {
  outDir: string;
  labs: BuiltLab[];
  durationMs: number;
}

/** A lab's run failed and the build stopped; the message names the lab, the step and the diff. */
export class BookFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BookFailure";
  }
}

export const DEFAULT_BOOK_TITLE = "hostlab labs";

/** Builds the site into `outDir`. Throws LabInputError for unreadable labs, BookFailure for a failing run. */
export async function buildBook(options: BuildBookOptions): Promise<BookResult> {
  const started = performance.now();
  const title = options.title ?? DEFAULT_BOOK_TITLE;
  const bundle = options.bundleDir ? Promise.resolve(options.bundleDir) : locateTerminalBundle();
  bundle.catch(() => {}); // awaited below; don't let a bundling error surface as unhandled while labs run
  const labs = readLabs(options.labFiles);

  const built: Array<{ lab: Lab; plan: LabPlan; hash: string; capture: LabCapture; failures: LabFailure[] }> = [];
  for (const { lab, hash } of labs) {
    const plan = planLab(lab);
    const capture = await captureLab(lab);
    const failures = capture.passed ? [] : labFailures(capture.outcome);
    if (failures.length && !options.allowFailing) throw new BookFailure(`${describeFailures(lab.file, failures)}\n(the book was not built; fix the lab, or pass --allow-failing to publish it marked as failing)`);
    options.log?.(`${lab.id}: ${plan.steps.length} steps, ${capture.outputs.size} commands captured${failures.length ? `, FAILED (${failures.length} ${failures.length === 1 ? "failure" : "failures"}, kept by --allow-failing)` : ""}`);
    built.push({ lab, plan, hash, capture, failures });
  }

  await mkdir(path.join(options.outDir, "labs"), { recursive: true });
  await mkdir(path.join(options.outDir, "assets"), { recursive: true });
  const href = (id: string) => `${id}.html`;
  for (const [i, b] of built.entries()) {
    const neighbour = (n: (typeof built)[number] | undefined) => (n ? { title: n.lab.title ?? n.lab.id, href: href(n.lab.id) } : null);
    const diffs = new Map<number, string>();
    for (const step of b.capture.outcome.steps) for (const c of step.commands) if (c.status === "fail") diffs.set(c.line, c.diff);
    const page = renderLabPage({
      plan: b.plan,
      courseTitle: title,
      blocks: { outputs: b.capture.outputs, diffs },
      data: pageData(b.lab, b.plan, b.hash),
      failures: b.failures,
      previous: neighbour(built[i - 1]),
      next: neighbour(built[i + 1]),
    });
    await writeFile(path.join(options.outDir, "labs", href(b.lab.id)), page);
  }
  const index = built.map((b) => ({ id: b.lab.id, title: b.lab.title ?? b.lab.id, href: `labs/${href(b.lab.id)}`, meta: b.lab.meta, steps: b.plan.steps.length, failed: b.failures.length > 0 }));
  await writeFile(path.join(options.outDir, "index.html"), renderIndexPage(title, index));
  await writeFile(path.join(options.outDir, "assets", "book.css"), BOOK_CSS);
  const bundleDir = await bundle;
  for (const file of Object.values(BUNDLE_FILES)) await copyFile(path.join(bundleDir, file), path.join(options.outDir, "assets", file));

  return {
    outDir: options.outDir,
    labs: built.map((b) => ({ id: b.lab.id, file: b.lab.file, page: `labs/${href(b.lab.id)}`, passed: b.failures.length === 0, failures: b.failures })),
    durationMs: performance.now() - started,
  };
}

// Parses every lab before any runs, so a typo in the last file fails fast; ids must be unique (they name the pages).
function readLabs(files: string[]): Array<{ lab: Lab; hash: string }> {
  if (files.length === 0) throw new LabInputError("no labs to put in the book; give lab files or a folder of .md labs");
  const seen = new Map<string, string>();
  return files.map((file) => {
    const text = readLabText(file);
    const lab = parseLab(text, file);
    const other = seen.get(lab.id);
    if (other) throw new LabInputError(`${file}: lab id "${lab.id}" is also the id of ${other}; each lab needs its own id (front matter \`id\`) to get its own page`);
    seen.set(lab.id, file);
    return { lab, hash: hashLabText(text) };
  });
}

// What the page's terminal needs to boot the same host the build ran on.
function pageData(lab: Lab, plan: LabPlan, hash: string): LabPageData {
  return {
    id: lab.id,
    title: lab.title ?? lab.id,
    hash,
    seed: seedOf(lab.meta.seed),
    profile: lab.meta.host ?? DEFAULT_PROFILE,
    files: plan.files,
    setup: plan.setup,
    steps: plan.steps.map((s) => ({ title: s.step.title, files: s.files.map((f) => ({ path: f.path, content: f.content })), checks: visibleChecks(s.checks) })),
  };
}
