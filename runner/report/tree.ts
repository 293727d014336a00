// The terminal report of `hostlab test`: labs → steps → commands and checks, one line each with ✓ (passed), ✗ (failed)
// or – (nothing to check: a command without expected output), and under each failure its diff, indented, so an author
// sees what the notes said and what the host printed. Lab errors (the lab itself is wrong) come last in their lab,
// each as `file:line: message` to paste into an editor. Nothing here depends on timing except the closing line, so
// two runs of the same labs print the same tree whatever order the labs finished in.
import { Chalk, type ChalkInstance } from "chalk";
import type { CheckOutcome, CommandOutcome, LabOutcome, Status } from "./results.js";
import { isFailure, labPassed } from "./results.js";

export interface TreeOptions {
  /** Colour with ANSI escapes; false for NO_COLOR, --no-color and files. */
  color: boolean;
  /** Wall time of the whole run, shown on the closing line; omitted when undefined. */
  durationMs?: number;
}

// Commands longer than this are cut on their line: the line number finds the rest.
const MAX_COMMAND_WIDTH = 90;

/** Renders outcomes as the tree, ending with the one-line summary (see summaryLine). */
export function renderTree(labs: LabOutcome[], options: TreeOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  return labs.map((lab) => renderLabTree(lab, options)).join("") + `\n${summaryLine(labs, c, options.durationMs)}\n`;
}

/** One lab's part of the tree (so a long run can print each lab as soon as it and those before it are done). */
export function renderLabTree(lab: LabOutcome, options: Pick<TreeOptions, "color">): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const ok = labPassed(lab);
  out.push(`${mark(ok ? "pass" : "fail", c)} ${c.bold(lab.id)}  ${c.dim(lab.path)}`);
  for (const step of lab.steps) {
    const stepOk = [...step.commands, ...step.checks].every((x) => !isFailure(x.status));
    out.push(`  ${mark(stepOk ? "pass" : "fail", c)} ${step.title}  ${c.dim(`line ${step.line}`)}`);
    for (const cmd of step.commands) out.push(...commandLines(cmd, lab.path, c));
    for (const check of step.checks) out.push(...checkLines(check, lab.path, c));
  }
  // A check that cannot fail is already shown, with its reason, on its own line above.
  const shown = new Set(lab.steps.flatMap((s) => s.checks.map((k) => `${k.line}\n${k.message}`)));
  for (const e of lab.errors.filter((x) => !shown.has(`${x.line}\n${x.message}`))) {
    const where = e.line > 0 ? `${lab.path}:${e.line}: ` : "";
    out.push(`  ${c.red("✗")} ${c.red("lab error")} ${where}${e.message}`);
  }
  return out.join("\n") + "\n";
}

/**
 * The closing line. It always contains `<n> passed, <n> failed` (labs) first, so CI can read it with a regex, then
 * the counts of commands and checks.
 */
export function summaryLine(labs: LabOutcome[], c: ChalkInstance = new Chalk({ level: 0 }), durationMs?: number): string {
  const passedLabs = labs.filter(labPassed).length;
  const failedLabs = labs.length - passedLabs;
  let passed = 0;
  let failed = 0;
  let unchecked = 0;
  let labErrors = 0;
  for (const lab of labs) {
    labErrors += lab.errors.length;
    for (const step of lab.steps) {
      for (const item of [...step.commands, ...step.checks]) {
        if (item.status === "pass") passed++;
        else if (isFailure(item.status)) failed++;
        else unchecked++;
      }
    }
  }
  const head = `${labs.length} ${labs.length === 1 ? "lab" : "labs"}: ${passedLabs} passed, ${failedLabs} failed`;
  const detail = [`${passed} commands and checks passed`, `${failed} failed`, `${unchecked} not checked`];
  if (labErrors) detail.push(`${labErrors} lab ${labErrors === 1 ? "error" : "errors"}`);
  const time = durationMs === undefined ? "" : ` in ${(durationMs / 1000).toFixed(2)} s`;
  const line = `${head} (${detail.join(", ")})${time}`;
  return failedLabs ? c.red.bold(line) : c.green.bold(line);
}

function commandLines(cmd: CommandOutcome, file: string, c: ChalkInstance): string[] {
  // An unchecked command that failed is often the first sign of trouble further down: say so, without failing it.
  const exit = cmd.status === "not-applicable" && cmd.exitCode !== 0 ? ` ${c.yellow(`(exit ${cmd.exitCode})`)}` : "";
  const lines = [`    ${mark(cmd.status, c)} ${shorten(cmd.command)}${exit}  ${c.dim(`${file}:${cmd.line}`)}`];
  if (isFailure(cmd.status) && cmd.diff) lines.push(...indentDiff(cmd.diff, c));
  return lines;
}

function checkLines(check: CheckOutcome, file: string, c: ChalkInstance): string[] {
  const head = `    ${mark(check.status, c)} check: ${check.title}  ${c.dim(`${file}:${check.line}`)}`;
  const lines = [check.status === "not-applicable" ? `${head} ${c.dim("(not applicable)")}` : head];
  if (isFailure(check.status) && check.message) lines.push(...check.message.split("\n").map((l) => `        ${c.red(l)}`));
  return lines;
}

// The matcher's diff is plain text: `-` lines are the notes, `+` lines what the host printed.
function indentDiff(diff: string, c: ChalkInstance): string[] {
  return diff.replace(/\n+$/, "").split("\n").map((l) => {
    const painted = l.startsWith("-") ? c.red(l) : l.startsWith("+") ? c.green(l) : c.dim(l);
    return `        ${painted}`;
  });
}

function mark(status: Status, c: ChalkInstance): string {
  if (status === "pass") return c.green("✓");
  if (isFailure(status)) return c.red("✗");
  return c.dim("–");
}

function shorten(command: string): string {
  const one = command.replace(/\s*\n\s*/g, " ");
  return one.length > MAX_COMMAND_WIDTH ? `${one.slice(0, MAX_COMMAND_WIDTH - 1)}…` : one;
}
