// Prompts: how a line in a command block says "this is typed by the student". Three shapes are recognised, always at
// the very start of the line (indented lines are output, which is how notes set output apart):
//   `$ cmd`                      a user's shell
//   `[user@host dir]# cmd`       bash's default RHEL prompt (PS1='[\u@\h \W]\$ '), `#` for root, `$` otherwise
//   `user@host:dir# cmd`         Debian's and Ubuntu's default (PS1='\u@\h:\w\$ ')
//   `# cmd`                      a root shell, only in blocks that declare it (see rootPromptDeclared); elsewhere a
//                                `# ` line is narration, as in the seed notes.
import type { Prompt } from "../../model/lab.js";

const DOLLAR = /^\$ (?=\S)/;
const HASH = /^# (?=\S)/;
const BRACKET = /^\[([^\]@\s]+)@([^\]\s]+)(?:\s+([^\]]*?))?\]([#$]) (?=\S)/;
const COLON = /^([a-z_][\w.-]*)@([\w.-]+):([^\s#$]*)([#$]) (?=\S)/;

export interface PromptMatch {
  prompt: Prompt;
  /** The command text after the prompt. */
  rest: string;
}

/** Recognises a prompt at the start of `line`; `rootBlock` makes a bare `# ` a root prompt instead of narration. */
export function matchPrompt(line: string, rootBlock: boolean): PromptMatch | null {
  let m = DOLLAR.exec(line);
  if (m) return { prompt: { style: "$", text: m[0], root: false }, rest: line.slice(m[0].length) };
  m = BRACKET.exec(line);
  if (m) {
    const prompt: Prompt = { style: "bracket", text: m[0], root: m[4] === "#", user: m[1], host: m[2], cwd: m[3] ?? "" };
    return { prompt, rest: line.slice(m[0].length) };
  }
  m = COLON.exec(line);
  if (m) {
    const prompt: Prompt = { style: "colon", text: m[0], root: m[4] === "#", user: m[1], host: m[2], cwd: m[3] };
    return { prompt, rest: line.slice(m[0].length) };
  }
  if (rootBlock) {
    m = HASH.exec(line);
    if (m) return { prompt: { style: "#", text: m[0], root: true }, rest: line.slice(m[0].length) };
  }
  return null;
}

/** A bracket or colon prompt after any indentation (for echo lines, which are usually indented). */
export function matchEcho(line: string): PromptMatch | null {
  const m = matchPrompt(line.trimStart(), false);
  return m && (m.prompt.style === "bracket" || m.prompt.style === "colon") ? m : null;
}

/**
 * Whether `# ` lines of a block are root prompts: the info string says `prompt=#`, or the block has root
 * `[user@host dir]# ` (or `user@host:dir# `) prompts and no `$ ` prompt (a `$` block keeps `#` for narration).
 */
export function rootPromptDeclared(lines: readonly string[], attrs: Record<string, string>): boolean {
  if (attrs.prompt !== undefined) return attrs.prompt === "#";
  let bracketRoot = false;
  for (const line of lines) {
    if (DOLLAR.test(line)) return false;
    const m = BRACKET.exec(line) ?? COLON.exec(line);
    if (m && m[4] === "#") bracketRoot = true;
  }
  return bracketRoot;
}

/** A `# ` (or lone `#`) line in a `$` block: narration. */
export function isNarration(line: string): boolean {
  return line === "#" || line.startsWith("# ") || line.startsWith("#\t");
}
