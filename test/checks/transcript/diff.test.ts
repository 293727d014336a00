import { describe, expect, it } from "vitest";
import { renderBindings, renderRows, rowsByDiff, rowsByLine } from "../../../checks/transcript/diff.js";
import { readExpectedLine } from "../../../checks/transcript/hatches.js";

const exp = (lines: string[]) => lines.map(readExpectedLine);
const eq = (e: string[], a: string[]) => (i: number, j: number) => e[i] === a[j];

describe("the failure diff", () => {
  it("pairs lines of equal outputs and groups a run of differences", () => {
    const rows = rowsByLine(exp(["a", "b", "c", "d"]), ["a", "B", "C", "d"], [true, false, false, true]);
    expect(renderRows(rows)).toBe(["  a", "- b", "- c", "+ B", "+ C", "  d"].join("\n"));
  });

  it("shows matched lines as the notes wrote them, even where the run printed other values", () => {
    const rows = rowsByDiff(exp(["pid 5195", "x"]), ["pid 23373", "y", "x"], (i, j) => (i === 0 ? j === 0 : ["x"][0] === ["pid 23373", "y", "x"][j]));
    expect(renderRows(rows)).toBe(["  pid 5195", "+ y", "  x"].join("\n"));
  });

  it("folds the run's extra lines into a `...` of the notes", () => {
    const e = ["a", "...", "z", "q"];
    const a = ["a", "b", "c", "z", "r"];
    const rows = rowsByDiff(exp(e), a, eq(e, a));
    expect(renderRows(rows)).toBe(["  a", "  ...", "  z", "- q", "+ r"].join("\n"));
  });

  it("shows both sides in full when they are too different to diff cheaply", () => {
    const e = Array.from({ length: 3_000 }, (_, i) => `e${i}`);
    const a = Array.from({ length: 3_000 }, (_, i) => `a${i}`);
    const rows = rowsByDiff(exp(e), a, eq(e, a));
    expect(rows.length).toBe(6_000);
    expect(rows[0]).toMatchObject({ op: "-", text: "e0" });
    expect(rows[3_000]).toMatchObject({ op: "+", text: "a0" });
  });

  it("renders the bindings table and the reasons", () => {
    expect(
      renderBindings(
        [
          { kind: "mcs", expected: "s0:c1,c2", actual: "s0:c5,c6" },
          { kind: "pid", expected: "8440", actual: "20453" },
        ],
        ["line 2: mcs s0:c5,c6 already stands for s0:c1,c2"],
      ),
    ).toBe(
      [
        "bindings (notes → this run):",
        "  mcs  s0:c1,c2  →  s0:c5,c6",
        "  pid  8440  →  20453",
        "why:",
        "  line 2: mcs s0:c5,c6 already stands for s0:c1,c2",
      ].join("\n"),
    );
    expect(renderBindings([], [])).toBe("");
  });
});
