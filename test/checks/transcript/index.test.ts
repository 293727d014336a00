// The API others call: sessions, transactional binding, the result's fields, the diff's form.
import { describe, expect, it } from "vitest";
import { createTranscriptSession, matchTranscript } from "../../../checks/transcript/index.js";

const PS = "ps -efZ | grep sleep";
const row = (mcs: string, pid: number) => `system_u:system_r:container_t:${mcs} root ${pid} ${pid - 11}  0 07:05 pts/0 00:00:00 sleep 10`;

describe("matchTranscript", () => {
  it("returns the bindings it learned, and keeps them in the session", () => {
    const session = createTranscriptSession();
    const r = matchTranscript(session, { command: PS, expected: row("s0:c1,c2", 8440), actual: row("s0:c5,c6", 20453) });
    expect(r).toEqual({
      ok: true,
      diff: "",
      bindings: [
        { kind: "mcs", expected: "s0:c1,c2", actual: "s0:c5,c6" },
        { kind: "pid", expected: "8440", actual: "20453" },
        { kind: "pid", expected: "8429", actual: "20442" },
      ],
    });
    expect(session.bindings()).toEqual(r.bindings);
  });

  it("commits nothing from a failed match, not even the lines that matched", () => {
    const session = createTranscriptSession();
    const failed = matchTranscript(session, {
      command: PS,
      expected: `${row("s0:c1,c2", 8440)}\n${row("s0:c3,c4", 8540)}`,
      actual: `${row("s0:c5,c6", 20453)}\n${row("s0:c5,c6", 20553)}`,
    });
    expect(failed.ok).toBe(false);
    expect(failed.bindings.map((b) => b.expected)).toContain("s0:c1,c2"); // shown in the report …
    expect(session.bindings()).toEqual([]); // … but not kept
    // so the next match is free to bind s0:c1,c2 to another pair
    expect(matchTranscript(session, { command: PS, expected: row("s0:c1,c2", 8440), actual: row("s0:c7,c8", 20453) }).ok).toBe(true);
  });

  it("keeps sessions apart", () => {
    const a = createTranscriptSession();
    const b = createTranscriptSession();
    matchTranscript(a, { command: PS, expected: row("s0:c1,c2", 8440), actual: row("s0:c5,c6", 20453) });
    expect(matchTranscript(b, { command: PS, expected: row("s0:c1,c2", 8440), actual: row("s0:c7,c8", 20453) }).ok).toBe(true);
    expect(matchTranscript(a, { command: PS, expected: row("s0:c1,c2", 8440), actual: row("s0:c7,c8", 20453) }).ok).toBe(false);
  });

  it("refuses a session it did not make (a programming mistake)", () => {
    expect(() => matchTranscript({ bindings: () => [] }, { command: "", expected: "", actual: "" })).toThrow(/createTranscriptSession/);
  });

  it("writes a plain-text diff: context as the notes wrote it, - and + for the difference, then the bindings", () => {
    const session = createTranscriptSession();
    const r = matchTranscript(session, {
      command: PS,
      expected: `${row("s0:c1,c2", 8440)}\n${row("s0:c3,c4", 8540)}`,
      actual: `${row("s0:c5,c6", 20453)}\n${row("s0:c5,c6", 20553)}`,
    });
    expect(r.diff).toBe(
      [
        `  ${row("s0:c1,c2", 8440)}`,
        `- ${row("s0:c3,c4", 8540)}`,
        `+ ${row("s0:c5,c6", 20553)}`,
        "",
        "bindings (notes → this run):",
        "  mcs  s0:c1,c2  →  s0:c5,c6",
        "  pid  8440  →  20453",
        "  pid  8429  →  20442",
        "why:",
        "  line 2: mcs s0:c5,c6 already stands for s0:c1,c2, so it cannot also stand for s0:c3,c4",
      ].join("\n"),
    );
    expect(r.diff).not.toMatch(/\x1b/);
  });

  it("folds long runs of matching lines in a diff", () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i}`);
    const actual = [...lines];
    actual[100] = "changed";
    const r = matchTranscript(createTranscriptSession(), { command: "cat", expected: lines.join("\n"), actual: actual.join("\n") });
    expect(r.diff.split("\n").slice(0, 10)).toEqual([
      "  [97 matching lines]",
      "  line 97",
      "  line 98",
      "  line 99",
      "- line 100",
      "+ changed",
      "  line 101",
      "  line 102",
      "  line 103",
      "  [96 matching lines]",
    ]);
  });

  it("treats missing optional fields as absent", () => {
    expect(matchTranscript(createTranscriptSession(), { command: "true", expected: "", actual: "" }).ok).toBe(true);
    expect(matchTranscript(createTranscriptSession(), { command: "ls", expected: "x", actual: "x", promptEcho: "[root@ab12cd34ef56 /]# ls" }).ok).toBe(true);
  });
});

describe("createTranscriptSession(saved)", () => {
  it("resumes a session from its saved bindings, skipping what it cannot use", () => {
    const first = createTranscriptSession();
    matchTranscript(first, { command: PS, expected: row("s0:c1,c2", 8440), actual: row("s0:c5,c6", 20453) });
    const saved = JSON.parse(JSON.stringify([...first.bindings(), { kind: "bogus", expected: "x", actual: "y" }]));
    const resumed = createTranscriptSession(saved);
    expect(resumed.bindings()).toEqual(first.bindings());
    expect(matchTranscript(resumed, { command: PS, expected: row("s0:c1,c2", 8440), actual: row("s0:c7,c8", 20453) }).ok).toBe(false);
  });
});
