// A lab as the runner plays it: for each step, the files to write before it, the commands to type in order (tasks
// included, solutions not), the checks that gate it (parsed into the typed vocabulary), and its hints. Planning is
// pure and happens once; every mode (run, test, shell --lab, grade, book) plays the same plan.
import { parseCheckSpec, type Check } from "../../checks/check.js";
import type { Block, Command, Hint, Lab, LabFile, Solution, Step } from "../model/lab.js";
import { stepBlocks } from "../model/walk.js";

export interface PlannedStep {
  step: Step;
  /** Blocks shown to the student, in order (prose, transcripts, snippets, files …). */
  blocks: Block[];
  files: LabFile[];
  commands: Command[];
  checks: Check[];
  hints: Hint[];
  solutions: Solution[];
}

export interface LabPlan {
  lab: Lab;
  /** Front matter `files`, written before anything runs. */
  files: Array<{ path: string; content: string }>;
  /** Front matter `setup`, run silently before the first step. */
  setup: string[];
  steps: PlannedStep[];
  /** Problems that make the lab unplayable as written (check blocks that don't validate), located. */
  errors: Array<{ line: number; column: number; message: string }>;
}

/** Plans a parsed lab. */
export function planLab(lab: Lab): LabPlan {
  const errors: LabPlan["errors"] = [];
  const steps = lab.steps.map((step): PlannedStep => {
    const blocks = stepBlocks(step);
    const planned: PlannedStep = { step, blocks, files: [], commands: [], checks: [], hints: [], solutions: [] };
    for (const block of blocks) {
      switch (block.kind) {
        case "file":
          planned.files.push(block);
          break;
        case "transcript":
          for (const entry of block.entries) if (entry.kind === "command") planned.commands.push(entry);
          break;
        case "hint":
          planned.hints.push(block);
          break;
        case "solution":
          planned.solutions.push(block);
          break;
        case "check": {
          const parsed = parseCheckSpec(block.yaml, { file: lab.file, line: block.yamlLine, column: 1, hidden: block.hidden });
          if ("errors" in parsed) errors.push(...parsed.errors);
          else planned.checks.push(...parsed.checks);
          break;
        }
        default:
          break;
      }
    }
    return planned;
  });
  const files = Object.entries(lab.meta.files ?? {}).map(([path, content]) => ({ path, content: String(content) }));
  return { lab, files, setup: lab.meta.setup ?? [], steps, errors };
}
