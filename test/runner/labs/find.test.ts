// Finding labs: by path, by file name in ./labs, by front matter id; directories expand to the labs directly in them.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LabInputError } from "../../../runner/labs/errors.js";
import { expandLabPaths, findLab, listLabFiles } from "../../../runner/labs/find.js";

const root = mkdtempSync(path.join(tmpdir(), "hostlab-find-"));
mkdirSync(path.join(root, "labs", "assets"), { recursive: true });
writeFileSync(path.join(root, "labs", "b.md"), "---\nid: renamed\n---\n# B\n");
writeFileSync(path.join(root, "labs", "a.md"), "# A\n");
writeFileSync(path.join(root, "labs", "README.md"), "# not a lab\n");
writeFileSync(path.join(root, "labs", "assets", "c.md"), "# asset\n");

describe("finding labs", () => {
  it("lists the .md files directly in a folder, sorted, README excluded", () => {
    expect(listLabFiles(path.join(root, "labs")).map((f) => path.basename(f))).toEqual(["a.md", "b.md"]);
  });

  it("finds by file name, by front matter id, and by path", () => {
    expect(findLab("a", root).title).toBe("A");
    expect(findLab("renamed", root).title).toBe("B");
    expect(findLab(path.join(root, "labs", "b.md"), root).id).toBe("renamed");
  });

  it("says which labs exist when the name matches none", () => {
    expect(() => findLab("zzz", root)).toThrow(LabInputError);
    expect(() => findLab("zzz", root)).toThrow(/labs there: a, renamed/);
  });

  it("expands directories and keeps files as given", () => {
    const dir = path.join(root, "labs");
    expect(expandLabPaths([dir, "x.md"]).map((f) => path.basename(f))).toEqual(["a.md", "b.md", "x.md"]);
  });
});
