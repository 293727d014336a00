import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../runner/ui/render-markdown.js";

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });

describe("renderMarkdown for the terminal", () => {
  it("lays out headings, paragraphs, lists and code without colour", () => {
    const text = renderMarkdown(
      "### Pull the image\n\nRun `podman pull` and read [the docs](https://podman.io).\n\n- one\n- two\n\n1. first\n1. second\n\n```\n$ ls\n```\n",
      { chalk: plain, width: 80 },
    );
    expect(text).toBe(
      [
        "Pull the image",
        "",
        "Run podman pull and read the docs (https://podman.io).",
        "",
        "• one",
        "• two",
        "",
        "1. first",
        "2. second",
        "",
        "  $ ls",
        "",
      ].join("\n"),
    );
  });

  it("wraps long paragraphs at the width without breaking words", () => {
    const text = renderMarkdown("word ".repeat(30).trim(), { chalk: plain, width: 24 });
    for (const line of text.trimEnd().split("\n")) expect(line.length).toBeLessThanOrEqual(24);
    expect(text.replace(/\n/g, " ").trim()).toBe("word ".repeat(30).trim());
  });

  it("styles emphasis and code with colour, and the visible text is unchanged", () => {
    const styled = renderMarkdown("A *very* **bold** `cmd`", { chalk: colour });
    expect(styled).toContain("\x1b[");
    expect(styled.replace(/\x1b\[[0-9;]*m/g, "")).toBe("A very bold cmd\n");
  });

  it("shows quotes with a bar, and renders nothing for empty input", () => {
    expect(renderMarkdown("> careful", { chalk: plain })).toBe("│ careful\n");
    expect(renderMarkdown("", { chalk: plain })).toBe("");
  });
});
