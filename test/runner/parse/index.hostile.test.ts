// Hostile input: thousands of random and mutated Markdown/YAML documents must give a lab, possibly with located
// problems, and never an exception — in the parser or in any lint rule. Also huge and deeply nested input.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lintLab } from "../../../runner/lint/index.js";
import type { Lab } from "../../../runner/model/lab.js";
import { parseLab } from "../../../runner/parse/index.js";

const fixture = readFileSync(new URL("../../fixtures/labs/seed-shaped.md", import.meta.url), "utf8").split("\n");

/** Lines that exercise every rule, including broken forms of them. */
const PIECES = [
  "---", "...", "id: x", "title: [", "files:", "  a: b", "setup: 3", "host: rhel9", "tags: *a", "&a [1]", "? x",
  "# Title", "## Step", "### Task", "#### deep", "```", "````", "~~~", "```console prompt=#", "```json file=./p.json",
  "```check", "```check points=x", "<!-- check", "-->", "<!-- check exit: 0 -->", "<details>", "</details>",
  "<summary>S</summary>", "> [!TIP]", "> [!WARNING] careful", "> quote", "$ podman exec -it c bash", "$ exit",
  "$ podman run -it --security-opt seccomp=./p.json registry-access.redhat.com/ubi7/ubi chmod 777 /etc/hosts",
  "$ cat $(podman ps \\", "  -l -q)/config.json", "$ echo \\", "\\", "$ cat <<EOF", "EOF", "[root@abc /]# ls",
  "  [root@abc /]# ls", "# narration", "#", "$", "$ ", "  output", "\t\ttabbed", "{", "}", "- item", "1. item",
  "| a | b |", "|---|---|", "<div>", "\u0000", "\uFEFF", "\r", "$ podman run -v ./x:/x quay.io/a/b", "$ bash",
  "$ podman pull quay.i0/a", "$ sudo docker exec -ti w sh -l", "'", '"', "$(", "`", "\\\\",
];

const lineArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);
const docArb = fc.array(lineArb, { maxLength: 40 }).map((ls) => ls.join("\n"));

/** The fixture with lines deleted, duplicated, swapped or replaced by pieces. */
const mutantArb = fc
  .array(fc.tuple(fc.nat(fixture.length - 1), fc.constantFrom("delete", "dup", "piece", "cut"), fc.constantFrom(...PIECES)), { maxLength: 6 })
  .map((edits) => {
    const lines = [...fixture];
    for (const [at, op, piece] of edits) {
      const i = Math.min(at, lines.length - 1);
      if (i < 0) break;
      if (op === "delete") lines.splice(i, 1);
      else if (op === "dup") lines.splice(i, 0, lines[i]);
      else if (op === "piece") lines.splice(i, 0, piece);
      else lines[i] = lines[i].slice(0, Math.floor(lines[i].length / 2));
    }
    return lines.join("\n");
  });

/** A lab is sound when every diagnostic is located inside the file and no rule crashed. */
function assertSound(lab: Lab, text: string): void {
  const lines = text.split(/\r\n?|\n/).length;
  for (const d of [...lab.problems, ...lintLab(lab)]) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message).not.toContain("internal error");
  }
}

describe("parseLab on hostile input", () => {
  it("random documents give a lab or located problems, never an exception", () => {
    fc.assert(fc.property(docArb, (text) => assertSound(parseLab(text, "fuzz.md"), text)), { numRuns: 2000, seed: 20261130 });
  });

  it("mutated labs give a lab or located problems, never an exception", () => {
    fc.assert(fc.property(mutantArb, (text) => assertSound(parseLab(text, "fuzz.md"), text)), { numRuns: 1000, seed: 7 });
  });

  it("stays linear on twenty thousand paragraphs (no quadratic merging)", () => {
    const paragraphs = "## S\n" + Array.from({ length: 20_000 }, (_, i) => `para ${i}\n`).join("\n");
    const t0 = performance.now();
    const lab = parseLab(paragraphs, "p.md");
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(lab.steps[0].body).toHaveLength(1);
    expect(lab.steps[0].body[0].kind === "prose" && lab.steps[0].body[0].markdown.split("\n")).toHaveLength(39_999);
  });

  it("survives deep nesting, a huge line and a YAML alias bomb", () => {
    const deep = ">".repeat(2000) + " x\n" + "- ".repeat(2000) + "x\n" + "$ echo " + "$(".repeat(5000) + "\n";
    assertSound(parseLab(deep, "deep.md"), deep);
    const huge = "## S\n```\n$ echo " + "a".repeat(1_000_000) + "\n```\n";
    expect(parseLab(huge, "huge.md").steps).toHaveLength(1);
    const bomb = ["---", "a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]", "---"].join("\n");
    const lab = parseLab(bomb, "bomb.md");
    expect(lab.problems.length).toBeGreaterThan(0);
    assertSound(lab, bomb);
  });
});
