// The JSON report: a versioned document with a summary, every lab as recorded, and each lab's verdict.
import { describe, expect, it } from "vitest";
import { toJson } from "../../../runner/report/json.js";
import type { LabOutcome } from "../../../runner/report/results.js";

const lab = (id: string, status: "pass" | "fail"): LabOutcome => ({
  id, path: `labs/${id}.md`, title: id, durationMs: 1, errors: [],
  steps: [{ title: "S", line: 3, checks: [], commands: [{ command: "echo", line: 5, status, exitCode: 0, diff: status === "fail" ? "- a\n+ b" : "", durationMs: 1 }] }],
});

describe("toJson", () => {
  it("gives a summary and each lab with whether it passed", () => {
    const doc = JSON.parse(toJson([lab("a", "pass"), lab("b", "fail")]));
    expect(doc).toMatchObject({ version: 1, ok: false, summary: { labsPassed: 1, labsFailed: 1, labs: 2, passed: 1, failed: 1 } });
    expect(doc.labs.map((l: { id: string; passed: boolean }) => [l.id, l.passed])).toEqual([["a", true], ["b", false]]);
    expect(doc.labs[1].steps[0].commands[0].diff).toBe("- a\n+ b");
  });

  it("is ok for no failures, and ends with a newline", () => {
    const text = toJson([lab("a", "pass")]);
    expect(JSON.parse(text).ok).toBe(true);
    expect(text.endsWith("}\n")).toBe(true);
  });
});
