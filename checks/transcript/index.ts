// The transcript matcher: does the output of a command in this run match the output an author pasted under it in
// the notes? They match when they differ only in values that change from run to run (ids, MCS levels, pids,
// times, sizes — shapes.ts), when those values change consistently across the whole lab session (bindings.ts),
// and when every other character is the same, with columns allowed to re-pad (tables/). Line count matters; the
// author's escape hatches (hatches.ts) cover the rest. A failure comes with a diff a student can read (diff.ts).
//
// Pure: no I/O, no clock. The session is the only state, and only a successful match adds to it.

import { alignWithDots } from "./align.js";
import { BindingTable, LenientTable, type Binding } from "./bindings.js";
import { renderBindings, renderRows, rowsByDiff, rowsByLine, type DiffRow } from "./diff.js";
import { readExpectedLine, type ExpectedLine } from "./hatches.js";
import { matchLine, type LineEnv } from "./match-line.js";
import { toLines } from "./normalize.js";
import { matchPrompt, readPrompt } from "./prompt.js";
import { matchReflowed, reflows } from "./reflow.js";
import { isBound, type BoundKind, type ShapeKind } from "./shapes.js";
import { ruleFor } from "./tables/index.js";

function isBoundKind(kind: string): kind is BoundKind {
  return isBound(kind as ShapeKind);
}

/** Bindings shared by all commands of one lab run; created by createTranscriptSession(). */
export interface TranscriptSession {
  /** Every binding learned so far by the matches that succeeded, oldest first. */
  bindings(): Array<{ kind: string; expected: string; actual: string }>;
}

export interface MatchInput {
  /** the command as typed, e.g. `ps -efZ | grep top`; picks the table rule for its output */
  command: string;
  /** the output pasted in the notes */
  expected: string;
  /** the output this run printed */
  actual: string;
  /** the nested prompt line of the notes, e.g. "[root@5f5d3692fa73 /]# ls -lisah /mnt" */
  promptEcho?: string;
  /** the prompt this run printed, e.g. "[root@a1b2c3d4e5f6 /]# " */
  actualPrompt?: string;
}

export interface MatchResult {
  ok: boolean;
  /** empty when ok; else matched lines shown as expected, `-` expected and `+` actual lines, then the bindings */
  diff: string;
  /** the bindings this match learned or relied on */
  bindings: Array<{ kind: string; expected: string; actual: string }>;
}

class Session implements TranscriptSession {
  readonly table = new BindingTable();
  bindings(): Binding[] {
    return this.table.all();
  }
}

/**
 * Starts the bindings of one lab run; `saved` (from an earlier session's bindings()) resumes one, e.g. after
 * `hostlab run` restarts. Saved entries of an unknown kind, or that contradict earlier ones, are skipped.
 */
export function createTranscriptSession(saved: ReadonlyArray<{ kind: string; expected: string; actual: string }> = []): TranscriptSession {
  const session = new Session();
  session.table.begin();
  for (const b of saved) {
    if (isBoundKind(b.kind) && typeof b.expected === "string" && typeof b.actual === "string") {
      session.table.bind(b.kind, b.expected, b.actual);
    }
  }
  return session;
}

/** Matches one command's output against the notes, binding values into the session only if it matches. */
export function matchTranscript(session: TranscriptSession, input: MatchInput): MatchResult {
  if (!(session instanceof Session)) throw new TypeError("matchTranscript: expected a session from createTranscriptSession()");
  const mark = session.table.mark();
  try {
    return matchInSession(session, input);
  } catch (e) {
    session.table.rollback(mark);
    // A bug must not crash a student's run, nor pass a step: report it as a failed match.
    return { ok: false, diff: `transcript matcher error: ${e instanceof Error ? e.message : String(e)}`, bindings: [] };
  }
}

function matchInSession(session: Session, input: MatchInput): MatchResult {
  const table = session.table;
  const begun = table.begin();
  const reasons: string[] = [];
  const head: DiffRow[] = [];
  let actualLines = toLines(input.actual ?? "");
  let expectedLines = toLines(input.expected ?? "");
  let ok = true;

  // Notes often paste the nested prompt with the output: `[root@5f5d3692fa73 /]# ls -lisah /mnt` then the listing.
  // When the caller did not lift it out, a first line that is a prompt followed by this very command is the echo.
  let promptEcho = input.promptEcho;
  if (!promptEcho && expectedLines.length && (input.command ?? "").trim()) {
    const first = expectedLines[0].trim();
    const prompt = readPrompt(first);
    if (prompt && first.slice(prompt.text.length).trim() === input.command.trim()) {
      promptEcho = first;
      expectedLines = expectedLines.slice(1);
    }
  }

  // the nested prompt echo: against the prompt the run printed, or a prompt line at the top of the output
  if (promptEcho) {
    const echoed = readPrompt(promptEcho);
    let actualPromptLine = input.actualPrompt?.trim() ? input.actualPrompt : undefined;
    if (actualPromptLine === undefined && actualLines.length && readPrompt(actualLines[0])) {
      actualPromptLine = actualLines[0];
      actualLines = actualLines.slice(1);
    }
    const ran = actualPromptLine !== undefined ? readPrompt(actualPromptLine) : undefined;
    if (echoed && ran) {
      const why = matchPrompt(echoed, ran, table);
      if (why === undefined) head.push({ op: " ", text: promptEcho.trim() });
      else {
        ok = false;
        if (why) reasons.push(`prompt: ${why}`);
        head.push({ op: "-", text: promptEcho.trim() }, { op: "+", text: actualPromptLine!.trim() });
      }
    }
    // A prompt that names no user@host (a bare "$ " on some targets) cannot be checked, so it is no difference.
  }

  const expected = expectedLines.map(readExpectedLine);
  const rule = ruleFor(input.command ?? "");
  const env: LineEnv = {
    rule,
    expectedLayouts: rule ? rule.layouts(expected.map(layoutText)) : [],
    actualLayouts: rule ? rule.layouts(actualLines) : [],
    table,
    cellPatterns: { shape: new Map(), figures: new Map() },
  };
  const hasDots = expected.some((e) => e.kind === "dots");
  const afterPrompt = table.mark();

  let rows: DiffRow[];
  if (!hasDots && expected.length === actualLines.length) {
    const matched = expected.map((e, i) => {
      const why = matchLine(e, i, actualLines[i], i, env);
      if (why) reasons.push(`line ${i + 1}: ${why}`);
      return why === undefined;
    });
    if (matched.includes(false)) ok = false;
    rows = ok ? [] : rowsByLine(expected, actualLines, matched);
  } else {
    let aligned = false;
    if (hasDots) {
      const alignment = alignWithDots(expected, actualLines.length, table, (ei, ai) => matchLine(expected[ei], ei, actualLines[ai], ai, env) === undefined);
      aligned = alignment.ok;
      if (alignment.gaveUp) reasons.push("gave up: too many ways to place the `...` lines; add lines around them");
      else if (!alignment.ok) reasons.push("the lines between `...` cannot all be found, in order, in this run's output");
    } else {
      reasons.push(`the notes show ${expected.length} line${expected.length === 1 ? "" : "s"}, this run printed ${actualLines.length}`);
    }
    if (!aligned) ok = false;
    rows = ok ? [] : confirmPairs(rowsByDiff(expected, actualLines, sameShape(expected, actualLines, env)), expected, actualLines, env, reasons);
  }

  // ls in columns: the notes' terminal was another width; compare the names in order instead of the lines
  const headOk = head.every((r) => r.op === " ");
  if (!ok && headOk && reflows(input.command ?? "")) {
    table.rollback(afterPrompt);
    if (matchReflowed(expected, actualLines, table)) return { ok: true, diff: "", bindings: table.used() };
  }
  const bindings = table.used();
  if (ok) return { ok, diff: "", bindings };
  table.rollback(begun); // a failed match binds nothing in the session
  const diff = [renderRows([...head, ...rows]), renderBindings(bindings, reasons)].filter(Boolean).join("\n\n");
  return { ok, diff, bindings };
}

// The line diff pairs lines by shape alone; match those pairs for real, in order, so the report shows the bindings
// they make and a pair that breaks a binding shows as a difference, not as a matching line.
function confirmPairs(rows: DiffRow[], expected: readonly ExpectedLine[], actual: readonly string[], env: LineEnv, reasons: string[]): DiffRow[] {
  return rows.flatMap((row): DiffRow[] => {
    if (!row.pair) return [row];
    const [ei, ai] = row.pair;
    const why = matchLine(expected[ei], ei, actual[ai], ai, env);
    if (why === undefined) return [row];
    if (why) reasons.push(`line ${ei + 1}: ${why}`);
    return [
      { op: "-", text: expected[ei].display },
      { op: "+", text: actual[ai] },
    ];
  });
}

// Header lines decide table layouts; a hatch line is laid out by what it displays.
function layoutText(e: ExpectedLine): string {
  return e.kind === "shape" ? e.text : e.display;
}

// For drawing a diff only: does a line match by shape, ignoring bindings? Never touches the session.
function sameShape(expected: readonly ExpectedLine[], actual: readonly string[], env: LineEnv) {
  const lenient: LineEnv = { ...env, table: new LenientTable() };
  return (ei: number, ai: number) => expected[ei].kind !== "dots" && matchLine(expected[ei], ei, actual[ai], ai, lenient) === undefined;
}
