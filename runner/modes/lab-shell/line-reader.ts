// Where `hostlab shell --lab` reads its lines: a terminal (readline with history; Ctrl-C drops the line being typed,
// as bash does) or a pipe (a script, echoed as a transcript so the output reads like a terminal session).
import { createInterface, type Interface } from "node:readline";

export interface LineReader {
  /** The next line at `prompt`, or null at end of input. */
  read(prompt: string): Promise<string | null>;
  /** Called with a handler while a command runs, so Ctrl-C stops the command instead of the shell. */
  onInterrupt(handler: (() => void) | null): void;
  close(): void;
}

/** Lines from stdin: a terminal with history, or a piped script echoed as it is read. */
export function createStdinReader(out: (text: string) => void): LineReader {
  const terminal = Boolean(process.stdin.isTTY);
  const rl: Interface = createInterface({ input: process.stdin, output: terminal ? process.stdout : undefined, terminal, historySize: 1000 });
  const queued: string[] = [];
  let waiting: ((line: string | null) => void) | null = null;
  let ended = false;
  let interrupt: (() => void) | null = null;
  rl.on("line", (line) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(line);
    } else queued.push(line);
  });
  rl.on("close", () => {
    ended = true;
    waiting?.(null);
    waiting = null;
  });
  rl.on("SIGINT", () => {
    if (interrupt) return interrupt();
    out("^C\n");
    rl.write(null, { ctrl: true, name: "u" }); // drop what was typed, as bash does
    rl.prompt();
  });
  // Ctrl-C as a signal (no terminal, or none in raw mode): stops the running command, else ends the input.
  const onSignal = () => (interrupt ? interrupt() : rl.close());
  process.on("SIGINT", onSignal);
  return {
    read(prompt: string) {
      if (queued.length) {
        const line = queued.shift()!;
        if (!terminal) out(prompt + line + "\n");
        return Promise.resolve(line);
      }
      if (ended) return Promise.resolve(null);
      if (terminal) {
        rl.setPrompt(prompt);
        rl.prompt();
      }
      return new Promise((resolve) => {
        waiting = (line) => {
          if (!terminal && line !== null) out(prompt + line + "\n");
          resolve(line);
        };
      });
    },
    onInterrupt(handler) {
      interrupt = handler;
    },
    close() {
      process.off("SIGINT", onSignal);
      rl.close();
    },
  };
}
