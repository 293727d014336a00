// Everything `hostlab run` prints, in one place: the lab's title and position, a step's text, a command as the host
// shows it, the verdicts and the summary. Colour comes from the chalk instance given (level 0 for NO_COLOR and
// --no-color), so the layout is the same without it — which is also what the tests read.
import type { ChalkInstance } from "chalk";
import type { Check, Verdict } from "../../../checks/check.js";
import type { CommandRun } from "../../play/player.js";
import { combined } from "../../play/player.js";
import type { CommandResult } from "../../targets/target.js";
import { renderMarkdown } from "../../ui/render-markdown.js";
import { formatDuration, type RunSummary } from "./summary.js";

/** Lines of a transcript diff shown before "… N more lines": enough to see the difference, not a wall of text. */
const DIFF_LINES = 14;

export class Screen {
  constructor(
    private readonly out: (text: string) => void,
    readonly chalk: ChalkInstance,
    private readonly width = 80,
  ) {}

  write(text: string): void {
    this.out(text);
  }

  line(text = ""): void {
    this.out(text + "\n");
  }

  /** Lab title and where the student is. */
  header(title: string, stepIndex: number, stepCount: number, stepTitle: string): void {
    const c = this.chalk;
    this.line();
    this.line(c.dim(`${title} · step ${stepIndex + 1} of ${stepCount}`));
    this.line(c.bold.underline(stepTitle));
  }

  markdown(markdown: string): void {
    const text = renderMarkdown(markdown, { chalk: this.chalk, width: this.width });
    if (text) this.write("\n" + text);
  }

  code(text: string, label?: string): void {
    this.line();
    if (label) this.line(this.chalk.dim(label));
    for (const l of text.replace(/\n$/, "").split("\n")) this.line("  " + this.chalk.yellow(l));
  }

  /** A command already run in an earlier sitting. */
  doneCommand(line: string): void {
    this.line(this.chalk.dim(`  $ ${line}   (done)`));
  }

  /** The command as a shell would echo it, then what the host printed. */
  commandRun(run: CommandRun): void {
    this.line(this.chalk.dim(run.prompt) + run.line);
    this.output(run.result);
  }

  /** Output exactly as the host printed it (stdout and stderr interleaved). */
  output(result: CommandResult): void {
    const text = combined(result);
    if (text) this.write(text.endsWith("\n") ? text : text + "\n");
  }

  /** ✓, or why not with a short diff. */
  verdict(run: CommandRun): void {
    const c = this.chalk;
    if (run.status === "pass") this.line(c.green("✓ output matches the notes"));
    else if (run.status === "fail") {
      this.line(c.red(`✗ ${run.reason}`));
      if (run.match && !run.match.ok && run.match.diff) this.line(shortDiff(run.match.diff, c));
    } else if (run.result.exitCode !== 0) this.line(c.yellow(`exit status ${run.result.exitCode}`));
  }

  /** One line per check of the step. */
  checks(checks: readonly Check[], verdicts: readonly Verdict[]): void {
    const c = this.chalk;
    this.line();
    checks.forEach((check, i) => {
      const v = verdicts[i];
      if (!v) return;
      const title = check.spec.title;
      if (v.status === "pass") this.line(c.green(`✓ ${title}`));
      else if (v.status === "not-applicable") this.line(c.dim(`○ ${title} (not applicable: ${v.message})`));
      else {
        this.line(c.red(`✗ ${title}`) + ` — ${v.message}`);
        if (v.evidence) for (const l of v.evidence.trimEnd().split("\n").slice(0, 4)) this.line(c.dim(`    ${l}`));
      }
    });
  }

  hint(markdown: string, position: string): void {
    this.line();
    this.line(this.chalk.cyan(`💡 ${position}`));
    this.markdown(markdown);
  }

  note(text: string): void {
    this.line(this.chalk.cyan(text));
  }

  warn(text: string): void {
    this.line(this.chalk.yellow(text));
  }

  summary(title: string, s: RunSummary, finished: boolean): void {
    const c = this.chalk;
    this.line();
    this.line(c.bold(finished ? `${title}: finished` : `${title}: progress so far`));
    this.line(`  steps passed   ${s.stepsPassed}/${s.steps}`);
    this.line(`  checks passed  ${s.checksPassed}/${s.checks}${s.checksSkipped ? ` (${s.checksSkipped} skipped)` : ""}`);
    this.line(`  points         ${s.points}/${s.maxPoints}`);
    this.line(`  commands       ${s.commandsRun} run${s.commandsFailed ? `, ${s.commandsFailed} differed from the notes` : ""}`);
    this.line(`  time           ${formatDuration(s.activeMs)}`);
  }
}

// The matcher's diff, cut to a screenful and coloured by line kind (`-` expected, `+` actual).
function shortDiff(diff: string, c: ChalkInstance): string {
  const lines = diff.replace(/\n$/, "").split("\n");
  const shown = lines.slice(0, DIFF_LINES).map((l) => (l.startsWith("-") ? c.red(l) : l.startsWith("+") ? c.green(l) : c.dim(l)));
  if (lines.length > DIFF_LINES) shown.push(c.dim(`… ${lines.length - DIFF_LINES} more lines`));
  return shown.map((l) => "    " + l).join("\n");
}
