// Reads the matcher's text fixtures (test/fixtures/transcripts/*.txt). A fixture is a small lab session:
//
//   title: <the cause this case is about>
//   <free lines saying why, until the first >>> line>
//   >>> command: <the command typed>            starts a step; every step of a file shares one session
//   >>> prompt-echo: <[root@id /]# cmd>          optional
//   >>> actual-prompt: <[root@id /]# >           optional
//   >>> expected                                 the notes' output, verbatim, until the next >>> line
//   >>> actual                                   the run's output; `>>> actual (escaped)` reads \e \r \t \\
//   >>> verdict: match | no match
//   >>> diff                                     optional: the exact diff on failure
//   >>> diff contains: <text>                    optional, repeatable

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export interface FixtureStep {
  command: string;
  promptEcho?: string;
  actualPrompt?: string;
  expected: string;
  actual: string;
  verdict: "match" | "no match";
  diff?: string;
  diffContains: string[];
}

export interface Fixture {
  file: string;
  title: string;
  steps: FixtureStep[];
}

const MARK = ">>> ";

function unescape(text: string): string {
  return text.replace(/\\(e|r|t|\\)/g, (_, c: string) => ({ e: "\x1b", r: "\r", t: "\t", "\\": "\\" })[c]!);
}

/** Parses one fixture file's text. */
export function parseFixture(file: string, text: string): Fixture {
  const lines = text.replace(/\n$/, "").split("\n");
  const titleLine = lines[0] ?? "";
  if (!titleLine.startsWith("title: ")) throw new Error(`${file}:1: a fixture starts with "title: "`);
  const steps: FixtureStep[] = [];
  let step: FixtureStep | undefined;
  let block: "expected" | "actual" | "diff" | undefined;
  let escaped = false;
  let buf: string[] = [];
  const close = () => {
    if (step && block) {
      const body = buf.join("\n");
      if (block === "diff") step.diff = body;
      else step[block] = block === "actual" && escaped ? unescape(body) : body;
    }
    block = undefined;
    buf = [];
  };
  lines.slice(1).forEach((line, k) => {
    if (!line.startsWith(MARK)) {
      if (block) buf.push(line);
      return;
    }
    close();
    const directive = line.slice(MARK.length);
    const where = `${file}:${k + 2}`;
    if (directive.startsWith("command: ")) {
      step = { command: directive.slice(9), expected: "", actual: "", verdict: "match", diffContains: [] };
      steps.push(step);
      return;
    }
    if (!step) throw new Error(`${where}: "${directive}" before any ">>> command:"`);
    if (directive.startsWith("prompt-echo: ")) step.promptEcho = directive.slice(13);
    else if (directive.startsWith("actual-prompt: ")) step.actualPrompt = directive.slice(15);
    else if (directive === "expected" || directive === "actual" || directive === "actual (escaped)" || directive === "diff") {
      block = directive === "actual (escaped)" ? "actual" : directive;
      escaped = directive === "actual (escaped)";
    } else if (directive.startsWith("verdict: ")) {
      const v = directive.slice(9);
      if (v !== "match" && v !== "no match") throw new Error(`${where}: verdict is "match" or "no match"`);
      step.verdict = v;
    } else if (directive.startsWith("diff contains: ")) step.diffContains.push(directive.slice(15));
    else throw new Error(`${where}: unknown directive "${directive}"`);
  });
  close();
  if (!steps.length) throw new Error(`${file}: no steps`);
  return { file, title: titleLine.slice(7), steps };
}

/** Every fixture in a directory, sorted by file name. */
export function loadFixtures(dir: string): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => parseFixture(f, readFileSync(join(dir, f), "utf8")));
}
