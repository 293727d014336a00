// `--update` on real files: the rewritten lab passes, and every byte outside the mismatched lines is the author's.
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testLabFile } from "../../../../runner/modes/test/run-lab.js";
import { updateLabFile } from "../../../../runner/modes/test/update.js";
import { labPassed } from "../../../../runner/report/results.js";

const fixtures = path.resolve(import.meta.dirname, "../../../fixtures/test-mode");

/** A scratch copy of a fixture, with `edit` applied to its text. */
function scratch(name: string, edit: (text: string) => string = (t) => t): { file: string; original: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "hostlab-update-"));
  const file = path.join(dir, name);
  const original = edit(readFileSync(path.join(fixtures, name), "utf8"));
  writeFileSync(file, original);
  return { file, original };
}

async function breakAndUpdate(file: string, original: string, from: string, to: string) {
  writeFileSync(file, original.replace(from, to));
  const before = await testLabFile(file);
  expect(labPassed(before.outcome)).toBe(false);
  const u = await updateLabFile(file, before);
  return { u, text: readFileSync(file, "utf8") };
}

describe("updateLabFile", () => {
  it("restores a changed expected output byte for byte, and the lab passes again", async () => {
    const { file, original } = scratch("basics.md");
    const { u, text } = await breakAndUpdate(file, original, "  hello from the lab", "  hello from a lab");
    expect(text).toBe(original);
    expect(u.rewritten).toEqual([18]);
    expect(labPassed(u.retest!.outcome)).toBe(true);
    expect(labPassed((await testLabFile(file)).outcome)).toBe(true);
  });

  it("keeps the author's escape hatches and replaces only the wrong line", async () => {
    const { file, original } = scratch("hatches.md");
    const { text } = await breakAndUpdate(file, original, "  delta\n", "  omega\n");
    expect(text).toBe(original);
    const { text: again } = await breakAndUpdate(file, original, "build \\d+ done (re)", "built \\d+ (re)");
    expect(again).toBe(original.replace("build \\d+ done (re)", "build 12345 done"));
  });

  it("keeps CRLF line ends, the file's mode, and a block's deeper indentation", async () => {
    const { file, original } = scratch("basics.md", (t) => t.replace("  hello from the lab", "      hello from the lab").replace(/\n/g, "\r\n"));
    chmodSync(file, 0o640);
    const { text } = await breakAndUpdate(file, original, "      hello from the lab", "      hello from nowhere");
    expect(text).toBe(original);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it("writes a new line with the notes' ids, not the run's, so the lab's bindings still hold", async () => {
    const { file, original } = scratch("podman.md");
    const { text, u } = await breakAndUpdate(file, original, "  0d2c4b6a8e1f napper\n", "  0d2c4b6a8e1f nap\n");
    expect(text).toBe(original);
    expect(labPassed(u.retest!.outcome)).toBe(true);
  });

  it("does nothing to a lab that passes", async () => {
    const { file, original } = scratch("basics.md");
    const u = await updateLabFile(file, await testLabFile(file));
    expect(u).toMatchObject({ rewritten: [], retest: null });
    expect(readFileSync(file, "utf8")).toBe(original);
  });

  it("refuses to rewrite a file that changed after it was tested", async () => {
    const { file, original } = scratch("basics.md");
    writeFileSync(file, original.replace("  hello from the lab", "  hello from a lab"));
    const result = await testLabFile(file);
    const edited = original.replace("  hello from the lab", "  hello from a lab").replace("# Shell basics", "# Shell basics, edited");
    writeFileSync(file, edited);
    const u = await updateLabFile(file, result);
    expect(u.refused).toContain("the file changed while it was being tested");
    expect(readFileSync(file, "utf8")).toBe(edited);
  });

  it("refuses output that the parser would read back as commands", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hostlab-update-"));
    const file = path.join(dir, "prompts.md");
    const text = "# P\n\n## S\n\n```console\n$ echo '$ whoami'\nsomething else\n```\n";
    writeFileSync(file, text);
    const u = await updateLabFile(file, await testLabFile(file));
    expect(u.refused).toContain("read as commands");
    expect(readFileSync(file, "utf8")).toBe(text);
  });
});
