import { describe, expect, it } from "vitest";
import { alignWithDots } from "../../../checks/transcript/align.js";
import { BindingTable } from "../../../checks/transcript/bindings.js";
import { readExpectedLine } from "../../../checks/transcript/hatches.js";

function align(expected: string[], actual: string[], budget?: number) {
  const exp = expected.map(readExpectedLine);
  const table = new BindingTable();
  return alignWithDots(exp, actual.length, table, (ei, ai) => exp[ei].kind !== "dots" && (exp[ei] as { text: string }).text === actual[ai], budget);
}

describe("placing `...`", () => {
  it("pairs the lines around `...`, the first segment at the top and the last at the bottom", () => {
    expect(align(["a", "...", "d"], ["a", "b", "c", "d"])).toEqual({ ok: true, pairs: [[0, 0], [2, 3]], gaveUp: false });
  });

  it("lets `...` stand for nothing", () => {
    expect(align(["...", "a", "...", "b", "..."], ["a", "b"]).ok).toBe(true);
    expect(align(["a", "...", "b"], ["a", "b"]).ok).toBe(true);
  });

  it("keeps the order of the notes", () => {
    expect(align(["...", "b", "...", "a", "..."], ["a", "b"]).ok).toBe(false);
  });

  it("anchors the first and last segments unless a `...` frees them", () => {
    expect(align(["a", "..."], ["x", "a"]).ok).toBe(false);
    expect(align(["...", "a"], ["a", "x"]).ok).toBe(false);
    expect(align(["...", "a", "..."], ["x", "a", "x"]).ok).toBe(true);
  });

  it("gives up, and says so, when the placements explode", () => {
    const expected = [...Array.from({ length: 30 }, () => ["...", "a"]).flat(), "...", "b"];
    const actual = Array.from({ length: 200 }, () => "a");
    const t0 = performance.now();
    const r = align(expected, actual, 50_000);
    expect(r).toEqual({ ok: false, pairs: [], gaveUp: true });
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
