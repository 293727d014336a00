// `hostlab grade <lab>` as the command line drives it: resolve the lab and the hosts (targets, an inventory, or
// session files), honour --shard and --resume, grade with a pool of workers that append each record to the results
// file as it finishes, then print the report from that file — so a resumed run and an uninterrupted one print the
// same thing. Exit status: 0 every host graded, 1 any host could not be graded, 2 bad input, 130 interrupted.
import chalk from "chalk";
import { existsSync, renameSync } from "node:fs";
import { EXIT_BAD_INPUT, LabInputError } from "../../labs/errors.js";
import { findLab } from "../../labs/find.js";
import { readLabText } from "../../labs/load.js";
import { readInventory, targetEntry, type HostEntry } from "../../inventory/inventory.js";
import { inShard, parseShard } from "../../inventory/shard.js";
import { planLab } from "../../play/plan.js";
import { escapeHostLine } from "../../report/grade-escape.js";
import { anyHostErrored, type HostGrade } from "../../report/grade-results.js";
import { hashLabText } from "../../session/lab-hash.js";
import { writeFileAtomic } from "../../state/atomic-write.js";
import { gradeEntry, type FleetOptions } from "./grade-fleet.js";
import { gradedChecks } from "./graded-checks.js";
import { renderGrades, type GradeReporter } from "./render.js";
import { readResults, appendGrade } from "./results-log.js";
import { runPool } from "./pool.js";

export interface GradeFlags {
  target?: string[];
  inventory?: string;
  session?: string[];
  identity?: string;
  sshConfig?: string;
  sshOption?: string[];
  jobs?: number;
  timeout?: number;
  checkTimeout?: number;
  results?: string;
  resume?: boolean;
  fresh?: boolean;
  shard?: string;
  reporter?: GradeReporter;
  output?: string;
  yes?: boolean;
  color?: boolean;
  quiet?: boolean;
}

export const DEFAULT_RESULTS = "grade-results.jsonl";
export const DEFAULT_JOBS = 8;
export const DEFAULT_HOST_TIMEOUT_S = 60;
export const DEFAULT_CHECK_TIMEOUT_S = 20;
const EXIT_INTERRUPTED = 130;

type Job = { kind: "host"; entry: HostEntry } | { kind: "session"; file: string; index: number; key: string };

/** Runs `hostlab grade`; returns the exit status. */
export async function gradeFromCli(labName: string, flags: GradeFlags): Promise<number> {
  const lab = findLab(labName);
  const plan = planLab(lab);
  if (plan.errors.length) {
    const e = plan.errors[0];
    throw new LabInputError(`${lab.file}:${e.line}:${e.column}: ${e.message} (run \`hostlab lint ${labName}\`)`);
  }
  const checks = gradedChecks(plan);
  if (checks.length === 0) throw new LabInputError(`${lab.file}: the lab has no checks to grade with (see docs/checks.md)`);
  const labRef = { id: lab.id, hash: hashLabText(readLabText(lab.file)) };

  const jobs = resolveJobs(flags);
  const shard = flags.shard ? parseShard(flags.shard) : undefined;
  const mine = jobs.filter((_, position) => inShard(position, shard));
  if (mine.length === 0) throw new LabInputError(`--shard ${flags.shard}: no hosts in this shard (${jobs.length} in all)`);
  if (mine.some((j) => j.kind === "host" && j.entry.kind === "local") && !flags.yes) {
    throw new LabInputError("--target local grades this machine: the lab's probes run here (they only read); add --yes to go ahead");
  }

  const resultsPath = flags.results ?? DEFAULT_RESULTS;
  const previous = readResults(resultsPath);
  warnSkipped(resultsPath, previous.skipped);
  if (previous.grades.length && !flags.resume) {
    if (!flags.fresh) {
      throw new LabInputError(
        `${resultsPath} already holds ${previous.grades.length} graded ${previous.grades.length === 1 ? "host" : "hosts"}: ` +
          "--resume continues that run, --fresh starts over (keeping the old file as a .bak), --results FILE picks another file",
      );
    }
  }
  if (flags.fresh && existsSync(resultsPath)) {
    const bak = `${resultsPath}.${new Date().toISOString().replace(/[:.]/g, "-")}.bak`;
    renameSync(resultsPath, bak);
    process.stderr.write(`hostlab: previous results kept as ${bak}\n`);
  }
  const done = new Set<string>();
  if (flags.resume) {
    const other = previous.grades.find((g) => g.lab.id !== labRef.id || g.lab.hash !== labRef.hash);
    if (other) {
      throw new LabInputError(
        `${resultsPath} holds results for ${other.lab.id === labRef.id ? "another version of this lab" : `lab "${other.lab.id}"`} (${other.lab.hash.slice(0, 19)}…); ` +
          "resume with the same lab file, or grade into another --results file",
      );
    }
    // Hosts that could not be graded are tried again; graded ones are kept as they are.
    for (const g of previous.grades) if (g.status === "graded") done.add(g.host);
  }
  const todo = mine.filter((j) => !done.has(jobKey(j)));

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    process.stderr.write(`\nhostlab: interrupted; every finished host is in ${resultsPath} — rerun with --resume to go on\n`);
    controller.abort();
  };
  // SIGTERM too (a CI job or a Kubernetes pod being stopped): each in-flight ssh is a process group of its own, so
  // only the grader can stop them.
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);
  const hostTimeoutMs = (flags.timeout ?? DEFAULT_HOST_TIMEOUT_S) * 1000;
  const fleet: FleetOptions = {
    lab: labRef,
    checks,
    jobs: flags.jobs ?? DEFAULT_JOBS,
    hostTimeoutMs,
    checkTimeoutS: flags.checkTimeout ?? DEFAULT_CHECK_TIMEOUT_S,
    ssh: { identity: flags.identity, sshConfig: flags.sshConfig, sshOptions: flags.sshOption },
    signal: controller.signal,
  };
  const color = flags.color !== false && !process.env.NO_COLOR && chalk.level > 0;
  let finished = 0;
  const started = performance.now();
  if (done.size && !flags.quiet) process.stderr.write(`hostlab: resuming: ${mine.length - todo.length} of ${mine.length} hosts already graded\n`);
  if (mine.some((j) => j.kind === "host" && j.entry.kind === "ssh")) {
    const { controlBase, stopStaleMasters } = await import("../../targets/ssh/stale-masters.js");
    await stopStaleMasters(controlBase());
  }
  // The built-in host (the engine) is loaded only when sessions are graded.
  const gradeSession = mine.some((j) => j.kind === "session") ? (await import("./grade-session.js")).gradeSession : undefined;
  try {
    await runPool(todo, fleet.jobs, controller.signal, async (job) => {
      const grade =
        job.kind === "host"
          ? await gradeEntry(job.entry, fleet)
          : await gradeSession!(job.file, job.index, { plan, lab: labRef, checks, timeoutMs: hostTimeoutMs, signal: controller.signal });
      if (controller.signal.aborted) return; // not a result: --resume grades it again
      appendGrade(resultsPath, grade);
      finished++;
      if (!flags.quiet) process.stderr.write(progressLine(grade, finished, todo.length) + "\n");
    });
  } finally {
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigint);
  }
  if (controller.signal.aborted) return EXIT_INTERRUPTED;

  // The report comes from the file: what is on disk is what counts, however many runs it took.
  const keys = new Set(mine.map(jobKey));
  const grades = readResults(resultsPath).grades.filter((g) => keys.has(g.host));
  const reporter = flags.reporter ?? "table";
  if (flags.output) {
    await writeFileAtomic(flags.output, renderGrades(reporter, grades, false));
    process.stdout.write(renderGrades("table", grades, color));
  } else process.stdout.write(renderGrades(reporter, grades, color));
  if (!flags.quiet) {
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`hostlab: ${todo.length} ${todo.length === 1 ? "host" : "hosts"} done in ${secs} s; results in ${resultsPath}${flags.output ? `, report in ${flags.output}` : ""}\n`);
  }
  return anyHostErrored(grades) ? 1 : 0;
}

function resolveJobs(flags: GradeFlags): Job[] {
  const sources = [flags.target?.length, flags.inventory, flags.session?.length].filter(Boolean).length;
  if (sources === 0) throw new LabInputError("say what to grade: --target ssh://user@host (repeatable), --target local, --inventory FILE, or --session FILE…");
  if (sources > 1) throw new LabInputError("grade one kind of thing at a time: --target, --inventory or --session");
  if (flags.session?.length) {
    const files = [...new Set(flags.session)];
    return files.map((file, index) => ({ kind: "session", file, index, key: `session:${file}` }));
  }
  const entries = flags.inventory ? readInventory(flags.inventory) : flags.target!.map((t, i) => targetEntry(t, i));
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.key)) throw new LabInputError(`${e.key} is named twice; each host is graded once`);
    seen.add(e.key);
  }
  return entries.map((entry) => ({ kind: "host", entry }));
}

function jobKey(job: Job): string {
  return job.kind === "host" ? job.entry.key : job.key;
}

function progressLine(g: HostGrade, n: number, total: number): string {
  const what = g.status === "error" ? `error: ${escapeHostLine(g.error ?? "", 200)}` : `${g.score}/${g.maxScore}`;
  return `[${n}/${total}] ${escapeHostLine(g.student, 60)}${g.student === g.host ? "" : ` (${escapeHostLine(g.host, 80)})`}: ${what}`;
}

function warnSkipped(path: string, skipped: Array<{ line: number; reason: string }>): void {
  for (const s of skipped.slice(0, 5)) process.stderr.write(`hostlab: ${path}:${s.line}: ignored: ${s.reason}\n`);
}

export { EXIT_BAD_INPUT };
