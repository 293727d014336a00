// parseLab: a lab file's text → the Lab model. Never throws on any input: what cannot be understood becomes a
// located problem in `lab.problems` (front matter schema errors, unclosed fences …) and the rest is parsed best
// effort, so `hostlab lint` can report everything at once.
//
// Stages: split off the front matter (front-matter.ts), blank its lines so markdown-it's line numbers are the
// file's, tokenize the body with markdown-it (html enabled, for `<details>` and `<!-- check -->`), then walk the
// top-level tokens through the rules of rules/index.ts.
import MarkdownIt from "markdown-it";
import type { Lab } from "../model/lab.js";
import { isFenceClosed } from "./fences.js";
import { parseFrontMatter, splitFrontMatter } from "./front-matter.js";
import { parseInfoString } from "./info-string.js";
import { CONSOLE_LANGS } from "./rules/transcript.js";
import { finishProse, problem, type ParseState } from "./state.js";
import { parseRange } from "./walk-tokens.js";

/** One shared tokenizer: markdown-it instances hold configuration only, no per-document state. */
const markdown = new MarkdownIt({ html: true });

/** Parses a lab. `file` is how the user named it (used in diagnostics and for the default id). */
export function parseLab(text: string, file: string): Lab {
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = source.split("\n");
  const lab: Lab = {
    file,
    id: defaultId(file),
    meta: {},
    metaPositions: {},
    title: null,
    titlePos: null,
    intro: [],
    steps: [],
    sessions: [],
    problems: [],
    lineCount: lines.length,
  };

  let body = lines;
  const split = splitFrontMatter(lines);
  if (split) {
    const fm = parseFrontMatter(split, file);
    lab.meta = fm.meta;
    lab.metaPositions = fm.positions;
    lab.problems.push(...fm.problems);
    body = lines.map((l, i) => (i < split.lines ? "" : l));
  }
  if (lab.meta.id) lab.id = lab.meta.id;

  const tokens = markdown.parse(body.join("\n"), {});
  const state: ParseState = {
    file,
    lines,
    tokens,
    pos: 0,
    end: tokens.length,
    lab,
    step: null,
    task: null,
    solution: null,
    sessionStack: [0],
    proseEnds: new Map(),
    parseRange,
  };
  let listDepth = 0;
  for (const t of tokens) {
    if (t.type === "bullet_list_open" || t.type === "ordered_list_open") listDepth++;
    if (t.type === "bullet_list_close" || t.type === "ordered_list_close") listDepth--;
    if (t.type === "fence" && listDepth > 0 && CONSOLE_LANGS.has(parseInfoString(t.info).lang) && /^(\$ |\[[^\]]+\][#$] )/m.test(t.content)) {
      // Commands are read from top-level blocks only; inside a list item they would be shown but never run.
      const line = (t.map?.[0] ?? 0) + 1;
      problem(state, { line, column: 1 + (lines[line - 1].length - lines[line - 1].trimStart().length) }, "commands-in-list",
        "commands in a block inside a list item are shown as text and never run; move the block out of the list (unindent it)", "warning");
    }
    if (t.type === "fence" && !isFenceClosed(t, lines)) {
      const line = (t.map?.[0] ?? 0) + 1;
      problem(state, { line, column: 1 + (lines[line - 1].length - lines[line - 1].trimStart().length) }, "unclosed-fence",
        `the code block opened here with ${t.markup} is never closed; add a line with ${t.markup} where it ends`);
    }
  }
  parseRange(state);
  finishProse(state);
  if (lab.title === null && lab.meta.title) lab.title = lab.meta.title;
  return lab;
}

/** A lab's id when the front matter gives none: its file name without the extension. */
export function defaultId(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(md|markdown)$/i, "");
}
