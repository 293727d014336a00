import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appendGrade, readResults } from "../../../../runner/modes/grade/results-log.js";
import { mergeResults } from "../../../../runner/modes/grade/merge.js";
import { CLASS, grade } from "../../../support/grade-records.js";

const file = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), "hostlab-results-")), name);

describe("the results file", () => {
  it("appends one JSON line per host and reads back the last record of each", () => {
    const f = file("r.jsonl");
    for (const g of CLASS) appendGrade(f, g);
    appendGrade(f, { ...CLASS[2], status: "graded", error: undefined, score: 6 });
    expect(readFileSync(f, "utf8").split("\n").filter(Boolean)).toHaveLength(4);
    const { grades, skipped } = readResults(f);
    expect(grades.map((g) => [g.host, g.status])).toEqual([["root@web02", "graded"], ["root@web01", "graded"], ["root@web03", "graded"]]);
    expect(skipped).toEqual([]);
  });

  it("survives a line torn by a crash: it is skipped, and the next append starts a line of its own", () => {
    const f = file("torn.jsonl");
    appendGrade(f, CLASS[0]);
    appendFileSync(f, JSON.stringify(CLASS[1]).slice(0, 40));
    appendGrade(f, CLASS[2]);
    const { grades, skipped } = readResults(f);
    expect(grades.map((g) => g.host)).toEqual(["root@web02", "root@web03"]);
    expect(skipped).toEqual([{ line: 2, reason: "not JSON (a line cut short by a crash?)" }]);
  });

  it("escapes host text again when reading a file someone may have edited, and skips lines that are not records", () => {
    const f = file("edited.jsonl");
    writeFileSync(f, JSON.stringify(grade(0, "h\x1b[2J", { error: "x\x07", status: "error" })) + "\n" + JSON.stringify({ v: 1, hello: 1 }) + "\n");
    const { grades, skipped } = readResults(f);
    expect(grades[0].host).toBe("h\\x1b[2J");
    expect(grades[0].error).toBe("x\\x07");
    expect(skipped[0].reason).toMatch(/^not a grade record/);
  });

  it("merges shards, and refuses results of different lab files", () => {
    const a = file("a.jsonl");
    const b = file("b.jsonl");
    appendGrade(a, CLASS[0]);
    appendGrade(b, CLASS[1]);
    expect(mergeResults([a, b]).grades).toHaveLength(2);
    appendGrade(b, grade(5, "other", { lab: { id: "fleet-lab", hash: "sha256:ffff" } }));
    expect(() => mergeResults([a, b])).toThrow(/merge results of one lab file only/);
  });
});
