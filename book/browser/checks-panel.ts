// The "Check" button under each step: runs the step's checks on the in-browser host, through the same probes and
// pure judging functions the runner and the grader use (checks/check.ts), and shows ✓ or ✗ beside each check with
// its message, and its hint when it fails.
import { runChecks, type Check, type Verdict } from "../../checks/check.js";
import type { Machine } from "./machine.js";

const MARK: Record<Verdict["status"], string> = { pass: "✓", fail: "✗", error: "✗", "not-applicable": "–" };

/** Runs a step's checks and writes the verdicts into the step's check list (`[data-check-index]` items). */
export async function runStepChecks(machine: Machine, checks: Check[], list: HTMLElement): Promise<Verdict[]> {
  const verdicts = await runChecks(checks, (command) => machine.probe(command));
  verdicts.forEach((v, i) => {
    const item = list.querySelector<HTMLElement>(`[data-check-index="${i}"]`);
    if (!item) return;
    item.dataset.status = v.status;
    const mark = item.querySelector<HTMLElement>(".check-mark");
    if (mark) mark.textContent = MARK[v.status];
    const detail = item.querySelector<HTMLElement>(".check-result");
    if (!detail) return;
    detail.textContent = "";
    const message = document.createElement("div");
    message.textContent = v.message;
    detail.append(message);
    const hint = checks[i].spec.hint;
    if (v.status !== "pass" && hint) {
      const h = document.createElement("div");
      h.className = "check-hint";
      h.textContent = `Hint: ${hint}`;
      detail.append(h);
    }
  });
  return verdicts;
}
