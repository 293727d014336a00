// A Prompter that answers from a script, for driving `hostlab run` without a terminal. Each answer names the kind of
// question it expects, so a test that drifts from the mode's questions fails with a clear message instead of hanging.
import { Interrupted, type Choice, type Prompter } from "../../../../runner/modes/run/prompter.js";

export type Answer =
  | { choose: string }
  | { input: string }
  | { confirm: boolean }
  | { shell: string | null }
  | "ctrl-c";

export interface ScriptedPrompter extends Prompter {
  /** Every question asked, in order ("choose: Command 1/3: mkdir …"). */
  asked: string[];
  /** Answers not used. */
  left(): Answer[];
}

/** A prompter answering `script` in order; running out of answers is an error. */
export function scriptedPrompter(script: Answer[]): ScriptedPrompter {
  const queue = [...script];
  const asked: string[] = [];
  const next = (kind: string, message: string): Answer => {
    asked.push(`${kind}: ${message}`);
    const answer = queue.shift();
    if (answer === undefined) throw new Error(`script ran out at ${kind} "${message}"; asked so far:\n${asked.join("\n")}`);
    if (answer === "ctrl-c") throw new Interrupted();
    if (!(kind in answer)) throw new Error(`script expected ${JSON.stringify(answer)} but the mode asked ${kind} "${message}"`);
    return answer;
  };
  return {
    asked,
    left: () => queue,
    async choose<T extends string>(message: string, choices: ReadonlyArray<Choice<T>>, _default: T): Promise<T> {
      const value = (next("choose", message) as { choose: string }).choose;
      if (!choices.some((c) => c.value === value)) throw new Error(`"${value}" is not offered at "${message}"`);
      return value as T;
    },
    async input(message: string) {
      return (next("input", message) as { input: string }).input;
    },
    async confirm(message: string) {
      return (next("confirm", message) as { confirm: boolean }).confirm;
    },
    async shellLine(prompt: string) {
      return (next("shell", prompt) as { shell: string | null }).shell;
    },
    close() {},
  };
}
