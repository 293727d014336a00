// `hostlab test` of the whole course: the median time of each lab in-process, of the course in-process (labs spread
// over the cores) and of the course end to end through the bundled CLI (node start-up, the report, exit); then the
// worker pool's speed-up on two copies of the course, serial against parallel.
// Figures on a shared machine vary from run to run; compare medians taken at the same time.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { listLabFiles } from "../runner/labs/find.js";
import { testLabFile, testLabFiles } from "../runner/modes/test/index.js";
import { labPassed } from "../runner/report/results.js";
import { report, timeMedian } from "./measure.js";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const labs = listLabFiles("labs");
const cores = availableParallelism();

for (const file of labs) {
  const result = await testLabFile(file);
  const commands = result.outcome.steps.reduce((n, s) => n + s.commands.length, 0);
  const note = `${commands} commands, ${labPassed(result.outcome) ? "passes" : "fails"}`;
  report(`hostlab test ${path.basename(file)} (in-process)`, await timeMedian(() => testLabFile(file), 7, 2), "ms", note);
}
report("hostlab test labs/ (from source)", await timeMedian(() => testLabFiles(labs), 5, 1), "ms", `${labs.length} labs, this thread + tsx workers`);

const outdir = path.join(root, "node_modules/.cache/hostlab-bench");
await build({
  entryPoints: [
    { in: "runner/cli/main.ts", out: "hostlab" },
    { in: "runner/modes/test/worker.ts", out: "test-worker" },
  ],
  outdir, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning",
});
// A run that ends in 0 (all passed) or 1 (a lab failed) is a measurement; anything else (a broken bundle) is not.
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(outdir, "hostlab.js"), "test", ...args], { encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1) throw new Error(`hostlab test exited ${r.status}: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}`);
  return r;
};
report("hostlab test labs/ (CLI, end to end)", await timeMedian(() => cli("-r", "json", "labs"), 5, 1), "ms", "bundled CLI, node start-up included");

// Two copies of the course through the CLI: what the worker pool buys on this machine (the bundled worker, as users
// run it; from source, workers would spend their time compiling TypeScript).
const scratch = mkdtempSync(path.join(tmpdir(), "hostlab-bench-"));
const copies: string[] = [];
for (let k = 0; k < 2; k++) {
  for (const file of labs) {
    const copy = path.join(scratch, `${k}-${path.basename(file)}`);
    copyFileSync(file, copy);
    copies.push(copy);
  }
}
const serial = await timeMedian(() => cli("-r", "json", "-j", "1", ...copies), 3, 1);
const parallel = await timeMedian(() => cli("-r", "json", "-j", String(cores), ...copies), 3, 1);
report(`${copies.length} labs, serial (CLI)`, serial, "ms", "-j 1");
report(`${copies.length} labs, parallel (CLI)`, parallel, "ms", `-j ${cores}: ×${(serial / parallel).toFixed(2)}`);
