// Visiting a lab's contents in document order, with the step and task each element belongs to. The runner, the
// linter and the book all need "every command" or "every block"; this is the one place that knows the nesting.
import type { Block, Command, Lab, Snippet, Step, Task, TranscriptEntry } from "./lab.js";

/** Where a visited element sits in the lab. */
export interface Place {
  /** null for the intro before the first step. */
  step: Step | null;
  task: Task | null;
  /** true inside a `<details>` solution (an alternative path, not part of the step's run). */
  inSolution: boolean;
}

export interface VisitedBlock extends Place {
  block: Block;
}

export interface VisitedEntry extends Place {
  entry: TranscriptEntry | Snippet;
  /** The block holding it: a transcript, or the snippet block itself. */
  block: Block;
}

/** Every block of the lab in document order, solutions' blocks included right after their solution. */
export function* walkBlocks(lab: Lab): Generator<VisitedBlock> {
  yield* visitBody(lab.intro, { step: null, task: null, inSolution: false });
  for (const step of lab.steps) {
    yield* visitBody(step.body, { step, task: null, inSolution: false });
    for (const task of step.tasks) yield* visitBody(task.body, { step, task, inSolution: false });
  }
}

function* visitBody(blocks: readonly Block[], place: Place): Generator<VisitedBlock> {
  for (const block of blocks) {
    yield { block, ...place };
    if (block.kind === "solution") yield* visitBody(block.body, { ...place, inSolution: true });
  }
}

/** Every transcript entry and snippet block, in document order. */
export function* walkEntries(lab: Lab): Generator<VisitedEntry> {
  for (const v of walkBlocks(lab)) {
    if (v.block.kind === "transcript") for (const entry of v.block.entries) yield { ...v, entry };
    else if (v.block.kind === "snippet") yield { ...v, entry: v.block };
  }
}

/** The commands a run of the lab types, in order (solutions excluded unless asked for). */
export function listCommands(lab: Lab, withSolutions = false): Command[] {
  const out: Command[] = [];
  for (const v of walkEntries(lab)) {
    if (v.entry.kind === "command" && (withSolutions || !v.inSolution)) out.push(v.entry);
  }
  return out;
}

/** All blocks of a step, its tasks' blocks included, in document order. */
export function stepBlocks(step: Step): Block[] {
  return [...step.body, ...step.tasks.flatMap((t) => t.body)];
}
