// Enough of bash's word splitting (bash(1), "QUOTING" and "SHELL GRAMMAR") to read a command's arguments: quotes,
// backslash escapes, `$( … )` and backticks kept inside their word, and control operators as separate tokens.
// Simplified on purpose: no expansion is performed; a word's `value` only has its quotes removed. Used for
// analysis (which image, which file, does this open a shell), never to run anything.

export interface Word {
  /** The word with quotes and escapes removed (expansions left as written). */
  value: string;
  /** Offset of the word's first character in the command string. */
  offset: number;
  /** true for `|`, `||`, `&`, `&&`, `;`, `(`, `)`, newline; false for words and redirections' targets. */
  operator: boolean;
}

const OPERATORS = ["&&", "||", ";;", "|&", "|", "&", ";", "(", ")", "\n"];

/** Splits a command into words and control operators. Never throws; unterminated quotes run to the end. */
export function splitWords(command: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  const n = command.length;
  while (i < n) {
    const c = command[i];
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === "#") {
      // A comment runs to the end of the line.
      while (i < n && command[i] !== "\n") i++;
      continue;
    }
    const op = OPERATORS.find((o) => command.startsWith(o, i));
    if (op) {
      words.push({ value: op, offset: i, operator: true });
      i += op.length;
      continue;
    }
    const start = i;
    let value = "";
    let depth = 0; // nesting of $( … ) inside this word
    while (i < n) {
      const ch = command[i];
      if (depth === 0 && (ch === " " || ch === "\t" || ch === "\n" || ";&|()".includes(ch))) break;
      if (ch === "\\" && i + 1 < n) {
        value += command[i + 1];
        i += 2;
      } else if (ch === "'") {
        const end = command.indexOf("'", i + 1);
        const stop = end < 0 ? n : end;
        value += command.slice(i + 1, stop);
        i = stop + 1;
      } else if (ch === '"') {
        i++;
        while (i < n && command[i] !== '"') {
          if (command[i] === "\\" && i + 1 < n && '"\\$`'.includes(command[i + 1])) i++;
          value += command[i++];
        }
        i++;
      } else if (ch === "$" && command[i + 1] === "(") {
        depth++;
        value += "$(";
        i += 2;
      } else if (depth > 0 && ch === "(") {
        depth++;
        value += ch;
        i++;
      } else if (depth > 0 && ch === ")") {
        depth--;
        value += ch;
        i++;
      } else if (ch === "`") {
        const end = command.indexOf("`", i + 1);
        const stop = end < 0 ? n : end;
        value += command.slice(i, stop + 1);
        i = stop + 1;
      } else {
        value += ch;
        i++;
      }
    }
    words.push({ value, offset: start, operator: false });
  }
  return words;
}

/** The words of each simple command in a pipeline or list, split at control operators. */
export function simpleCommands(words: readonly Word[]): Word[][] {
  const out: Word[][] = [[]];
  for (const w of words) {
    if (w.operator) out.push([]);
    else out[out.length - 1].push(w);
  }
  return out.filter((c) => c.length > 0);
}
