// What the interactive mode asks the student, as an interface: the terminal implementation uses inquirer
// (terminal-prompter.ts); tests drive the mode with a scripted one, no TTY needed. Every question has a default so
// that Enter does the expected thing (run the command, re-check).

/** One answer to a menu question. */
export interface Choice<T extends string> {
  value: T;
  /** Shown in the menu; its first letter selects it from the keyboard, so keep first letters distinct. */
  name: string;
  description?: string;
}

export interface Prompter {
  /** A menu; Enter picks `defaultValue`. */
  choose<T extends string>(message: string, choices: ReadonlyArray<Choice<T>>, defaultValue: T): Promise<T>;
  /** A line of text, pre-filled with `initial` (to edit a command). */
  input(message: string, initial?: string): Promise<string>;
  /** A yes/no question. */
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  /** One line typed at a shell prompt (printed as is); null at end of input (Ctrl-D). */
  shellLine(prompt: string): Promise<string | null>;
  /** Gives the terminal back (raw mode off, streams released). */
  close(): void;
}

/** The student pressed Ctrl-C at a question: leave, saving first. */
export class Interrupted extends Error {
  override name = "Interrupted";
  constructor() {
    super("interrupted");
  }
}
