import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BindingTable } from "../../../checks/transcript/bindings.js";

const FULL_A = "ad416438d9e80fbcf8641c3c4724aefb32096334d726393db6833ed5b306ee9c";
const FULL_B = "90a77b6f873d76798aa04fb8ff62c0a612a186eeaedbb3ea5dcc9f3ac339b312";
const NOTES_A = "26865e7fd5f11bd8cd084191e5cae2205d02e7ce46d15bd58d6c1df24f55374e";
const NOTES_B = "5f5d3692fa73aa0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b";

describe("bindings", () => {
  it("binds a value once and accepts it again", () => {
    const t = new BindingTable();
    expect(t.bind("mcs", "s0:c1,c2", "s0:c7,c9")).toBeUndefined();
    expect(t.bind("mcs", "s0:c1,c2", "s0:c7,c9")).toBeUndefined();
    expect(t.bind("mcs", "s0:c1,c2", "s0:c7,c8")).toMatch(/already s0:c7,c9/);
  });

  it("is one-to-one: two values of the notes cannot share one value of the run", () => {
    const t = new BindingTable();
    t.bind("mcs", "s0:c1,c2", "s0:c7,c9");
    expect(t.bind("mcs", "s0:c3,c4", "s0:c7,c9")).toMatch(/already stands for s0:c1,c2/);
  });

  it("keeps kinds apart: a pid and an inode may share digits", () => {
    const t = new BindingTable();
    t.bind("pid", "5195", "1042");
    expect(t.bind("inode", "477233", "1042")).toBeUndefined();
  });

  it("short id learned after its full id must abbreviate the bound full id", () => {
    const t = new BindingTable();
    t.bind("hexid", NOTES_A, FULL_A);
    expect(t.bind("hexid", NOTES_A.slice(0, 12), FULL_B.slice(0, 12))).toMatch(/abbreviates or extends/);
    expect(t.bind("hexid", NOTES_A.slice(0, 12), FULL_A.slice(0, 12))).toBeUndefined();
  });

  it("full id learned after its short id must extend it", () => {
    const t = new BindingTable();
    t.bind("hexid", NOTES_A.slice(0, 12), FULL_A.slice(0, 12));
    expect(t.bind("hexid", NOTES_A, FULL_B)).toMatch(/abbreviates or extends/);
    expect(t.bind("hexid", NOTES_A, FULL_A)).toBeUndefined();
  });

  it("the run's short id of a bound full id cannot stand for another container of the notes", () => {
    const t = new BindingTable();
    t.bind("hexid", NOTES_A, FULL_A);
    expect(t.bind("hexid", NOTES_B.slice(0, 12), FULL_A.slice(0, 12))).toMatch(/in this run abbreviates/);
  });

  it("rolls back to a mark, and a failed match (begin … rollback) leaves the table as it was", () => {
    const t = new BindingTable();
    t.begin();
    t.bind("pid", "100", "200");
    const begun = t.begin();
    t.bind("pid", "101", "201");
    const mark = t.mark();
    t.bind("pid", "102", "202");
    t.rollback(mark);
    expect(t.lookup("pid", "102", "expected")).toBeUndefined();
    expect(t.lookup("pid", "101", "expected")).toBe("201");
    t.rollback(begun);
    expect(t.lookup("pid", "101", "expected")).toBeUndefined();
    expect(t.lookup("pid", "100", "expected")).toBe("200");
    expect(t.all()).toEqual([{ kind: "pid", expected: "100", actual: "200" }]);
  });

  it("reports the bindings a match used, each once, known ones included", () => {
    const t = new BindingTable();
    t.begin();
    t.bind("pid", "100", "200");
    t.begin();
    t.bind("pid", "101", "201");
    t.bind("pid", "100", "200");
    t.bind("pid", "101", "201");
    expect(t.used().map((b) => b.expected)).toEqual(["101", "100"]);
  });

  it("stays one-to-one under any sequence of binds and rollbacks (property)", () => {
    const op = fc.oneof(
      fc.record({ t: fc.constant("bind" as const), e: fc.integer({ min: 0, max: 9 }), a: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ t: fc.constant("mark" as const) }),
      fc.record({ t: fc.constant("rollback" as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const t = new BindingTable();
        const marks: number[] = [];
        for (const o of ops) {
          if (o.t === "bind") t.bind("number", String(1000 + o.e), String(2000 + o.a));
          else if (o.t === "mark") marks.push(t.mark());
          else if (marks.length) t.rollback(marks.pop()!);
        }
        const all = t.all();
        expect(new Set(all.map((b) => b.expected)).size).toBe(all.length);
        expect(new Set(all.map((b) => b.actual)).size).toBe(all.length);
        for (const b of all) expect(t.lookup("number", b.expected, "expected")).toBe(b.actual);
      }),
    );
  });
});
