// `hostlab test --update` for one lab file: rewrite the mismatched expected outputs (rewrite-output.ts), prove the
// rewritten lab passes by testing it again, and only then replace the file, atomically and with its mode kept.
// When keeping the author's matching lines is not enough (a binding across commands breaks), the command's block
// is written out literally from the run, which always matches: the built-in host is deterministic for a seed.
import { readFileSync, statSync, chmodSync } from "node:fs";
import { parseLab } from "../../parse/index.js";
import type { Command } from "../../model/lab.js";
import { planLab } from "../../play/plan.js";
import { writeFileAtomic } from "../../state/atomic-write.js";
import { rewriteExpectedOutput } from "./rewrite-output.js";
import { hashSource, testLab, type LabTestResult } from "./run-lab.js";

export interface UpdateOutcome {
  file: string;
  /** Lines (before the update) of the commands whose expected output was rewritten. */
  rewritten: number[];
  /** The lab tested again after the update (null when nothing changed). */
  retest: LabTestResult | null;
  /** Why the file was left alone, when it was. */
  refused?: string;
}

/** Rewrites the expected outputs of `file` that did not match in `result`, and writes the file if it still parses. */
export async function updateLabFile(file: string, result: LabTestResult): Promise<UpdateOutcome> {
  const original = readFileSync(file, "utf8");
  // The run's line numbers belong to the text it tested: an editor that saved the file since would get its new
  // lines overwritten by output meant for others.
  if (result.sourceHash !== undefined && result.sourceHash !== hashSource(original)) {
    return { file, rewritten: [], retest: null, refused: "the file changed while it was being tested; run `hostlab test --update` again" };
  }
  const commands = playedCommands(original, file);
  const first = rewriteExpectedOutput(original, commands, result.actuals, { bindings: result.bindings });
  if (first.rewritten.length === 0) return { file, rewritten: [], retest: null };
  let text = first.text;
  let retest = await retestRewritten(text, file, commands);
  if ("refused" in retest) return { file, rewritten: [], retest: null, refused: retest.refused };
  if (retest.stillFailing.size > 0) {
    text = rewriteExpectedOutput(original, commands, result.actuals, { literal: retest.stillFailing, bindings: result.bindings }).text;
    retest = await retestRewritten(text, file, commands);
    if ("refused" in retest) return { file, rewritten: [], retest: null, refused: retest.refused };
  }
  const mode = statSync(file).mode & 0o7777;
  await writeFileAtomic(file, text);
  chmodSync(file, mode); // the atomic write creates a private file; a lab keeps the mode it had
  return { file, rewritten: first.rewritten, retest: retest.result };
}

// The commands a test run types, in order (solutions left out): the same order in the file before and after.
function playedCommands(text: string, file: string): Command[] {
  return planLab(parseLab(text, file)).steps.flatMap((s) => s.commands);
}

type Retest = { result: LabTestResult; stillFailing: Set<number> } | { refused: string };

// Tests the rewritten text; reports (by their line before the update) the rewritten commands that still fail.
async function retestRewritten(text: string, file: string, before: Command[]): Promise<Retest> {
  const lab = parseLab(text, file);
  const after = planLab(lab).steps.flatMap((s) => s.commands);
  const moved = after.length !== before.length || after.some((c, k) => c.command !== before[k].command);
  if (moved) {
    // The run printed lines the parser reads as commands (`$ …` at the block's indentation): writing them would
    // change the lab's meaning, so the author must edit this by hand.
    return { refused: "the new output would be read as commands; update it by hand" };
  }
  const result = await testLab(lab);
  const outcomes = result.outcome.steps.flatMap((s) => s.commands);
  const stillFailing = new Set<number>();
  outcomes.forEach((o, k) => {
    if (o.status === "fail" && o.exitCode !== 126 && o.exitCode !== 127) stillFailing.add(before[k].line);
  });
  return { result, stillFailing };
}
