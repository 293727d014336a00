// The prompt's line editing, as readline gives a shell at a terminal: printable characters insert at the cursor,
// Backspace deletes before it, Left/Right/Home/End move it, Up/Down walk the history, Enter submits, Ctrl-C drops
// the line, Ctrl-L clears the screen. xterm.js only hands over the bytes a key sends (onData); this turns them into
// edits and into the escape sequences that redraw the line. Pure (no xterm, no DOM), so it is tested in node.
//
// Simplified on purpose: one line at a time (no wrapping logic beyond the terminal's own), no tab completion, no
// kill ring, no reverse search.

/** What a burst of input did: the bytes to echo, and a submitted line or an interrupt, if any. */
export interface EditResult {
  echo: string;
  /** The line, when Enter was pressed; typing after Enter in the same burst is dropped. */
  submit?: string;
  /** Ctrl-C was pressed. */
  interrupt?: boolean;
  /** Ctrl-L was pressed: clear the screen and draw the prompt again. */
  clear?: boolean;
}

const ESC = "\x1b";
const KEYS: Record<string, string> = {
  [`${ESC}[A`]: "up",
  [`${ESC}OA`]: "up",
  [`${ESC}[B`]: "down",
  [`${ESC}OB`]: "down",
  [`${ESC}[C`]: "right",
  [`${ESC}OC`]: "right",
  [`${ESC}[D`]: "left",
  [`${ESC}OD`]: "left",
  [`${ESC}[H`]: "home",
  [`${ESC}OH`]: "home",
  [`${ESC}[1~`]: "home",
  [`${ESC}[F`]: "end",
  [`${ESC}OF`]: "end",
  [`${ESC}[4~`]: "end",
  [`${ESC}[3~`]: "delete",
};

/** Longest history kept, as bash's HISTSIZE default. */
export const HISTORY_SIZE = 500;

/** One prompt's line being edited, plus the history it can recall. */
export class LineEditor {
  private line = "";
  private cursor = 0;
  private history: string[] = [];
  /** Position while walking the history; history.length means the line being typed. */
  private walk = 0;
  /** The line being typed before walking the history started. */
  private draft = "";

  /** The current line and the cursor's position in it. */
  get state(): { line: string; cursor: number } {
    return { line: this.line, cursor: this.cursor };
  }

  /** Adds a line to the history (a replayed session's commands, say), as if it had been typed. */
  remember(line: string): void {
    if (!line.trim() || this.history[this.history.length - 1] === line) return;
    this.history.push(line);
    if (this.history.length > HISTORY_SIZE) this.history.shift();
    this.walk = this.history.length;
  }

  /** Starts a new, empty line (after a prompt is drawn). */
  reset(): void {
    this.line = "";
    this.cursor = 0;
    this.walk = this.history.length;
    this.draft = "";
  }

  /** Replaces the line with `text` (a command clicked in the page) and returns the redraw. */
  replace(text: string): string {
    const firstLine = text.split("\n")[0] ?? "";
    return this.setLine(firstLine, firstLine.length);
  }

  /** Feeds the bytes of one onData event. */
  feed(data: string): EditResult {
    let echo = "";
    let i = 0;
    while (i < data.length) {
      const ch = data[i];
      if (ch === ESC) {
        const seq = Object.keys(KEYS).find((k) => data.startsWith(k, i));
        if (seq) {
          echo += this.key(KEYS[seq]);
          i += seq.length;
        } else i += escapeLength(data, i); // an unknown escape sequence (F-keys, Alt-…): ignored whole
        continue;
      }
      i++;
      if (ch === "\r" || ch === "\n") {
        const submitted = this.line;
        this.remember(submitted);
        return { echo: echo + "\r\n", submit: submitted };
      }
      if (ch === "\x03") return { echo: echo + "^C\r\n", interrupt: true };
      if (ch === "\x0c") return { echo, clear: true };
      if (ch === "\x7f" || ch === "\b") echo += this.backspace();
      else if (ch === "\x01") echo += this.key("home");
      else if (ch === "\x05") echo += this.key("end");
      else if (ch === "\x15") echo += this.setLine(this.line.slice(this.cursor), 0); // Ctrl-U: cut to the start
      else if (ch >= " " || ch === "\t") echo += this.insert(ch === "\t" ? " " : ch);
    }
    return { echo };
  }

  private key(name: string): string {
    switch (name) {
      case "left":
        if (this.cursor === 0) return "";
        this.cursor--;
        return `${ESC}[D`;
      case "right":
        if (this.cursor === this.line.length) return "";
        this.cursor++;
        return `${ESC}[C`;
      case "home":
        return this.moveTo(0);
      case "end":
        return this.moveTo(this.line.length);
      case "delete":
        if (this.cursor === this.line.length) return "";
        return this.setLine(this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1), this.cursor);
      case "up":
        if (this.walk === 0) return "";
        if (this.walk === this.history.length) this.draft = this.line;
        this.walk--;
        return this.setLine(this.history[this.walk], this.history[this.walk].length);
      case "down": {
        if (this.walk >= this.history.length) return "";
        this.walk++;
        const text = this.walk === this.history.length ? this.draft : this.history[this.walk];
        return this.setLine(text, text.length);
      }
      default:
        return "";
    }
  }

  private insert(text: string): string {
    const tail = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor) + text + tail;
    this.cursor += text.length;
    return text + tail + back(tail.length);
  }

  private backspace(): string {
    if (this.cursor === 0) return "";
    const tail = this.line.slice(this.cursor);
    this.line = this.line.slice(0, this.cursor - 1) + tail;
    this.cursor--;
    return `\b${tail} ${back(tail.length + 1)}`;
  }

  private moveTo(position: number): string {
    const delta = position - this.cursor;
    this.cursor = position;
    if (delta < 0) return back(-delta);
    return delta > 0 ? `${ESC}[${delta}C` : "";
  }

  // Redraws from the prompt: back to the line's start, the new text, erase what is left of the old, cursor placed.
  private setLine(text: string, cursor: number): string {
    const out = back(this.cursor) + text + `${ESC}[K` + back(text.length - cursor);
    this.line = text;
    this.cursor = cursor;
    return out;
  }
}

function back(n: number): string {
  return n > 0 ? `${ESC}[${n}D` : "";
}

// Length of an escape sequence starting at `i`: CSI (ESC [ params final), SS3 (ESC O x), or ESC + one char.
function escapeLength(data: string, i: number): number {
  if (data[i + 1] === "[") {
    let j = i + 2;
    while (j < data.length && !/[@-~]/.test(data[j])) j++;
    return j + 1 - i;
  }
  return data[i + 1] === "O" ? 3 : 2;
}
