// What the student sees of a step, in document order: its prose, task headings, narration and snippets as text, and
// its commands as the points where hostlab stops to ask. Hints, solutions and checks stay out of sight until asked
// for or run. Commands are numbered as the plan numbers them (step body first, then each task), so a saved
// command index points at the same command here.
import type { Block, Command } from "../../model/lab.js";
import type { PlannedStep } from "../../play/plan.js";

export type StepItem =
  | { kind: "text"; markdown: string }
  | { kind: "code"; text: string; label?: string }
  | { kind: "command"; index: number; command: Command };

/** The items of a step, in the order the Markdown has them. */
export function stepItems(planned: PlannedStep): StepItem[] {
  const items: StepItem[] = [];
  let index = 0;
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      switch (block.kind) {
        case "prose":
          items.push({ kind: "text", markdown: block.markdown });
          break;
        case "snippet":
          items.push({ kind: "code", text: block.text });
          break;
        case "file":
          items.push({ kind: "code", text: block.content, label: `${block.path} (written for you)` });
          break;
        case "transcript":
          for (const entry of block.entries) {
            if (entry.kind === "narration") items.push({ kind: "text", markdown: entry.markdown });
            else if (entry.kind === "snippet") items.push({ kind: "code", text: entry.text });
            else items.push({ kind: "command", index: index++, command: entry });
          }
          break;
        default:
          break; // hints, solutions and checks are shown on request or when they run
      }
    }
  };
  visit(planned.step.body);
  for (const task of planned.step.tasks) {
    items.push({ kind: "text", markdown: `### ${task.title}` });
    visit(task.body);
  }
  return items;
}
