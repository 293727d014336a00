// Expected output: the lines written under a command. Notes indent them to set them apart from prompts, so the
// common indentation is removed; blank lines at the end are dropped (they separate, they are not output). When the
// command ran in a nested shell, the notes often copy the nested prompt and command as the first output line
// (`[root@5f5d3692fa73 /]# ls -lisah /mnt`); that echo is kept apart so the matcher can learn the container's id.
import type { PromptEcho } from "../../model/lab.js";
import { matchEcho } from "./prompt.js";

export interface RawLine {
  text: string;
  line: number;
}

export interface ExpectedOutput {
  lines: string[];
  /** Line of the first output line, after any echo; null when there is no output. */
  line: number | null;
  echo: PromptEcho | null;
}

/** Turns the raw lines under a command into its expected output and optional prompt echo. */
export function readExpectedOutput(raw: readonly RawLine[], command: string, column: number): ExpectedOutput {
  let end = raw.length;
  while (end > 0 && raw[end - 1].text.trim() === "") end--;
  const kept = raw.slice(0, end);
  const indent = commonIndent(kept.map((l) => l.text));
  let lines = kept.map((l) => l.text.slice(Math.min(indent, leading(l.text))));
  let first = 0;
  let echo: PromptEcho | null = null;
  if (kept.length > 0) {
    const m = matchEcho(lines[0]);
    if (m && normalise(m.rest) === normalise(command)) {
      echo = { prompt: m.prompt, command: m.rest, line: kept[0].line, column: column + leading(kept[0].text) };
      lines = lines.slice(1);
      first = 1;
    }
  }
  return { lines, line: lines.length > 0 ? kept[first].line : null, echo };
}

/** The smallest indentation of the non-blank lines (tabs count as one column, as they are written). */
export function commonIndent(lines: readonly string[]): number {
  let min = Infinity;
  for (const l of lines) if (l.trim() !== "") min = Math.min(min, leading(l));
  return min === Infinity ? 0 : min;
}

function leading(s: string): number {
  return s.length - s.trimStart().length;
}

function normalise(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
