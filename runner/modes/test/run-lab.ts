// Testing one lab as its author means it: on a fresh built-in host with the lab's seed and profile, every step's
// checks run once before the step (they must fail: a check that already passes can't tell a student who did the
// step from one who didn't), then every command is typed and judged against the notes, then the checks run again
// (they must pass). The same LabPlayer drives `hostlab run`, so a lab that passes here behaves the same for a
// student. Everything that happens becomes plain data (a LabOutcome) plus, for `--update`, what each command printed.
import { createHash } from "node:crypto";
import { checkName } from "../../../checks/check.js";
import type { CommandResult } from "../../../checks/probe.js";
import { selfTestCheck } from "../../../checks/self-test.js";
import { LabInputError } from "../../labs/errors.js";
import { readLabText } from "../../labs/load.js";
import { parseLab } from "../../parse/index.js";
import { lintLab } from "../../lint/index.js";
import type { Lab } from "../../model/lab.js";
import { planLab, type LabPlan } from "../../play/plan.js";
import { combined, LabPlayer, type CommandRun } from "../../play/player.js";
import type { CheckOutcome, CommandOutcome, LabOutcome, Status, StepOutcome } from "../../report/results.js";
import { createBuiltinTarget } from "../../targets/builtin.js";
import { recordProbes } from "./record-probes.js";
import type { NotesBinding } from "./notes-values.js";
import { seedOf } from "./seed.js";

/** What a command printed in the test run, kept for `--update`. */
export interface ActualOutput {
  /** Line of the command in the lab file. */
  line: number;
  /** stdout and stderr as the terminal showed them. */
  output: string;
  exitCode: number;
  /** Whether the notes' expected output matched it. */
  matched: boolean;
}

/** One lab's test run: the outcome every reporter reads, and what each command printed. */
export interface LabTestResult {
  outcome: LabOutcome;
  actuals: ActualOutput[];
  /** What the notes' values stood for in this run (the transcript matcher's bindings), for `--update`. */
  bindings: NotesBinding[];
  /** SHA-256 of the file as it was tested (`--update` refuses to rewrite a file that changed since), if read from disk. */
  sourceHash?: string;
}

/** The hash `LabTestResult.sourceHash` holds for a lab's text. */
export function hashSource(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Tests the lab at `file` (as the user named it). Never throws: an unreadable lab is a lab error. */
export async function testLabFile(file: string): Promise<LabTestResult> {
  let lab: Lab;
  let text: string;
  try {
    text = readLabText(file);
    lab = parseLab(text, file);
  } catch (e) {
    if (!(e instanceof LabInputError)) throw e;
    return { outcome: { id: file, path: file, title: file, durationMs: 0, steps: [], errors: [{ line: 0, message: e.message }] }, actuals: [], bindings: [] };
  }
  try {
    return { ...(await testLab(lab)), sourceHash: hashSource(text) };
  } catch (e) {
    // A bug in hostlab or the engine must cost one lab, not the whole run.
    const message = `internal error while testing: ${e instanceof Error ? e.message : String(e)} (please report this)`;
    return { outcome: { id: lab.id, path: file, title: lab.title ?? lab.id, durationMs: 0, steps: [], errors: [{ line: 0, message }] }, actuals: [], bindings: [] };
  }
}

/** Tests a parsed lab on a fresh built-in host. */
export async function testLab(lab: Lab): Promise<LabTestResult> {
  const started = performance.now();
  const errors: LabOutcome["errors"] = lintLab(lab)
    .filter((d) => d.severity === "error")
    .map((d) => ({ line: d.line, message: `${d.message} (${d.rule})` }));
  const plan = planLab(lab);
  // Check blocks that don't validate are already lint errors (check-spec rule); add only what lint missed.
  for (const e of plan.errors) {
    if (!errors.some((x) => x.line === e.line && x.message.startsWith(e.message))) errors.push({ line: e.line, message: e.message });
  }
  const target = createBuiltinTarget({ seed: seedOf(lab.meta.seed), profile: lab.meta.host });
  const player = new LabPlayer(plan, target);
  const actuals: ActualOutput[] = [];
  const bindings = new Map<string, NotesBinding>();
  try {
    for (const failed of await player.prepare()) {
      const why = (failed.result.stderr || failed.result.stdout).trim().split("\n")[0] ?? "";
      errors.push({ line: lab.metaPositions.setup?.line ?? 1, message: `setup command \`${failed.command}\` failed (exit ${failed.result.exitCode}): ${why}` });
    }
    const steps: StepOutcome[] = [];
    for (let i = 0; i < plan.steps.length; i++) steps.push(await testStep(plan, player, i, errors, actuals, bindings));
    return { outcome: { id: lab.id, path: lab.file, title: lab.title ?? lab.id, durationMs: performance.now() - started, steps, errors }, actuals, bindings: [...bindings.values()] };
  } finally {
    await target.close();
  }
}

// A command that hangs (a foreground server, a prompt waiting for input) must not hang a CI job: after this long it
// is interrupted as Ctrl-C would, and fails (exit 130) like any other command whose output differs.
const COMMAND_TIMEOUT_MS = 60_000;

async function testStep(plan: LabPlan, player: LabPlayer, index: number, errors: LabOutcome["errors"], actuals: ActualOutput[], bindings: Map<string, NotesBinding>): Promise<StepOutcome> {
  const planned = plan.steps[index];
  // The builtin target probes a copy of the host, so checks leave no trace in what the commands print.
  const before = await recordProbes(player.target, planned.checks);
  await player.enterStep(index);
  const commands: CommandOutcome[] = [];
  for (const command of planned.commands) {
    const run = await player.type(command, { signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS) });
    commands.push(commandOutcome(run));
    if (run.match?.ok) for (const b of run.match.bindings) bindings.set(`${b.kind}\n${b.expected}`, { kind: b.kind, expected: b.expected, actual: b.actual });
    actuals.push({ line: command.line, output: combined(run.result), exitCode: run.result.exitCode, matched: run.status === "pass" });
  }
  const after = await recordProbes(player.target, planned.checks);
  const checks: CheckOutcome[] = [];
  for (const check of planned.checks) {
    // The self-test judges the probe answers recorded before and after the step; selfTestCheck holds the rules (and
    // the wording) of what makes a check useless.
    const result = await selfTestCheck(check, { before: replay(before), after: replay(after) });
    const line = check.origin.line;
    const early = result.problems.filter((p) => p.includes("before its step"));
    for (const message of early) errors.push({ line, message });
    // Every capability a check may need (SELinux, podman, docker) exists on the built-in host, so "not applicable"
    // there means the check asks for something no target will ever have.
    const inapplicable = result.after.status === "not-applicable" ? result.problems.find((p) => p.includes("not applicable")) : undefined;
    const problem = early[0] ?? inapplicable;
    checks.push({
      id: checkName(check),
      title: check.spec.title,
      line,
      status: problem ? "error" : result.after.status,
      points: result.after.points,
      maxPoints: result.after.maxPoints,
      message: problem ?? withEvidence(result.after.message, result.after.evidence),
    });
  }
  return { title: planned.step.title, line: planned.step.line, commands, checks };
}

function replay(answers: Map<string, CommandResult>) {
  return async (command: string): Promise<CommandResult> =>
    answers.get(command) ?? { stdout: "", stderr: `hostlab: probe not recorded: ${command}`, exitCode: -1 };
}

function commandOutcome(run: CommandRun): CommandOutcome {
  const status: Status = run.status === "not-checked" ? "not-applicable" : run.status;
  let diff = "";
  if (run.status === "fail") {
    // A command that could not run: what the shell said is the whole story (its first line is the reason).
    diff = run.match && !run.match.ok ? run.match.diff : combined(run.result).trim() || run.reason;
  }
  return { command: run.line, line: run.command?.line ?? 0, status, exitCode: run.result.exitCode, diff, durationMs: run.durationMs };
}

function withEvidence(message: string, evidence: string): string {
  return evidence.trim() ? `${message}\n${evidence.trimEnd()}` : message;
}
