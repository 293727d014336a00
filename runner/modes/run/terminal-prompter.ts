// The Prompter on a real terminal: inquirer's menus and inputs, and node's readline for the free shell (a prompt
// that looks like the host's own, with line editing). inquirer is loaded on first use, so `hostlab --version` and
// `--yes` runs never pay for it.
//
// Ctrl-C at any question becomes `Interrupted`: the mode saves and leaves with status 130, as a shell would.
import { createInterface } from "node:readline";
import type { Choice, Prompter } from "./prompter.js";
import { Interrupted } from "./prompter.js";

type Prompts = typeof import("@inquirer/prompts");

export interface TerminalPrompterOptions {
  /** false for NO_COLOR / --no-color: menus drawn without ANSI styling. */
  color: boolean;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

const plain = (text: string) => text;

// inquirer styles with node's styleText, which ignores NO_COLOR on Node 20: a plain theme keeps the promise.
const PLAIN_THEME = {
  prefix: { idle: "?", done: "✔" },
  style: {
    answer: plain,
    message: plain,
    error: (text: string) => `> ${text}`,
    defaultAnswer: (text: string) => `(${text})`,
    help: plain,
    highlight: plain,
    key: (text: string) => `<${text}>`,
    description: plain,
    disabled: plain,
    keysHelpTip: () => undefined,
  },
};

/** A Prompter on stdin/stdout. */
export function createTerminalPrompter(options: TerminalPrompterOptions): Prompter {
  // Loading starts now, while the host boots, so the first menu does not wait for it.
  const loading = import("@inquirer/prompts");
  loading.catch(() => undefined);
  const load = (): Promise<Prompts> => loading;
  // Each prompt type takes its own slice of the theme; the shared keys above fit them all.
  const theme = (options.color ? { style: { keysHelpTip: () => undefined } } : PLAIN_THEME) as never;
  const context = { input: options.input ?? process.stdin, output: options.output ?? process.stdout } as never;

  const ask = async <T>(question: (p: Prompts) => Promise<T>): Promise<T> => {
    const p = await load();
    try {
      return await question(p);
    } catch (e) {
      if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) throw new Interrupted();
      throw e;
    }
  };

  return {
    choose<T extends string>(message: string, choices: ReadonlyArray<Choice<T>>, defaultValue: T) {
      return ask((p) => p.select<T>({ message, choices: choices.map((c) => ({ ...c })), default: defaultValue, theme, loop: false }, context));
    },
    input(message: string, initial?: string) {
      return ask((p) => p.input({ message, default: initial, prefill: "editable", theme }, context));
    },
    confirm(message: string, defaultValue: boolean) {
      return ask((p) => p.confirm({ message, default: defaultValue, theme }, context));
    },
    shellLine(prompt: string) {
      return new Promise<string | null>((resolve, reject) => {
        const rl = createInterface({ input: options.input ?? process.stdin, output: options.output ?? process.stdout, terminal: true });
        let settled = false;
        const finish = (action: () => void) => {
          if (settled) return;
          settled = true;
          rl.close();
          action();
        };
        rl.on("SIGINT", () => finish(() => reject(new Interrupted())));
        rl.on("close", () => finish(() => resolve(null)));
        rl.question(prompt, (line) => finish(() => resolve(line)));
      });
    },
    close() {
      const input = (options.input ?? process.stdin) as NodeJS.ReadStream;
      if (input.isTTY && input.isRaw) input.setRawMode(false);
      input.pause?.();
    },
  };
}
