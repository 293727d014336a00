// Hints, one at a time: first the step's own `> [!TIP]` blocks, then the hints its visible checks carry, then its
// worked solutions. Asking again after the last one says so rather than repeating silently.
import type { Block } from "../../model/lab.js";
import type { PlannedStep } from "../../play/plan.js";

/** The hints of a step as Markdown, in the order they are given. */
export function stepHints(planned: PlannedStep): string[] {
  const hints = planned.hints.map((h) => h.markdown);
  for (const check of planned.checks) if (check.spec.hint && !check.spec.hidden) hints.push(check.spec.hint);
  for (const solution of planned.solutions) hints.push(`**${solution.summary}**\n\n${solutionMarkdown(solution.body)}`);
  return hints;
}

/** Hands out a step's hints in order. */
export class HintCursor {
  private next = 0;
  constructor(private readonly hints: readonly string[]) {}

  /** The next hint, or a sentence saying there are no more. */
  take(): { markdown: string; last: boolean } | { none: string } {
    if (this.hints.length === 0) return { none: "This step has no hints." };
    if (this.next >= this.hints.length) return { none: "No more hints for this step." };
    const markdown = this.hints[this.next++];
    return { markdown, last: this.next === this.hints.length };
  }

  /** "hint 2 of 3" */
  position(): string {
    return `hint ${this.next} of ${this.hints.length}`;
  }
}

// A solution's blocks as Markdown: prose as is, commands as a console block to copy.
function solutionMarkdown(blocks: readonly Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.kind === "prose") parts.push(block.markdown);
    if (block.kind === "transcript") {
      const lines = block.entries.flatMap((e) => (e.kind === "command" ? [`$ ${e.command}`] : []));
      if (lines.length) parts.push("```\n" + lines.join("\n") + "\n```");
    }
  }
  return parts.join("\n\n");
}
