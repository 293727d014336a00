// A host replayed from a text fixture (test/fixtures/hosts/*.host): what it answered to each exact command.
//   $ <command>        starts an answer
//   ! <text>           a line of stderr
//   = exit N           the exit status (default 0)
//   anything else      a line of stdout (trailing blank lines of an answer are dropped)
// Lines starting with "#" before the first "$ " describe the fixture. A command the fixture doesn't know makes the
// host throw, which checks turn into an "error" verdict — so a test can't silently pass on a missing answer.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CommandResult, RunProbe } from "../../../checks/probe.js";

const DIR = fileURLToPath(new URL("../../fixtures/hosts/", import.meta.url));

/** Parses a fixture's text into command → result. */
export function parseHostFixture(text: string): Map<string, CommandResult> {
  const answers = new Map<string, CommandResult>();
  let current: { command: string; out: string[]; err: string[]; exit: number } | null = null;
  const flush = () => {
    if (!current) return;
    while (current.out.length && current.out[current.out.length - 1] === "") current.out.pop();
    answers.set(current.command, {
      stdout: current.out.length ? current.out.join("\n") + "\n" : "",
      stderr: current.err.length ? current.err.join("\n") + "\n" : "",
      exitCode: current.exit,
    });
  };
  for (const line of text.split("\n")) {
    if (line.startsWith("$ ")) {
      flush();
      current = { command: line.slice(2), out: [], err: [], exit: 0 };
    } else if (!current) continue;
    else if (line.startsWith("! ")) current.err.push(line.slice(2));
    else if (/^= exit -?\d+$/.test(line)) current.exit = Number(line.slice(7));
    else current.out.push(line);
  }
  flush();
  return answers;
}

/** A RunProbe answering from `test/fixtures/hosts/<name>.host`, with optional overrides per command. */
export function fixtureHost(name: string, overrides: Record<string, Partial<CommandResult>> = {}): RunProbe {
  const answers = parseHostFixture(readFileSync(`${DIR}${name}.host`, "utf8"));
  return async (command) => {
    const o = overrides[command];
    const base = answers.get(command);
    if (!base && !o) throw new Error(`fixture ${name} has no answer for: ${command}`);
    return { stdout: "", stderr: "", exitCode: 0, ...base, ...o };
  };
}
