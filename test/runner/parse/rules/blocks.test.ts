// One case per construct of the lab format: each names the construct, gives the Markdown, and checks the block.
import { describe, expect, it } from "vitest";
import type { Block } from "../../../../runner/model/lab.js";
import { parseLab } from "../../../../runner/parse/index.js";

const md = (...lines: string[]) => lines.join("\n") + "\n";
const stepBody = (text: string): Block[] => parseLab(text, "t.md").steps[0].body;

describe("parser rules", () => {
  it("file: a fence with file=PATH is a file with its language and content", () => {
    const [b] = stepBody(md("## S", "", "```json file=labs/seccomp/no-chmod.json", '{"a": 1}', "```"));
    expect(b).toEqual({ kind: "file", path: "labs/seccomp/no-chmod.json", lang: "json", content: '{"a": 1}\n', line: 3, column: 1 });
  });

  it("file: a quoted path may hold spaces", () => {
    const [b] = stepBody(md("## S", "```text file=\"my notes.txt\"", "x", "```"));
    expect(b).toMatchObject({ kind: "file", path: "my notes.txt" });
  });

  it("hint: a GitHub alert blockquote, marker removed, type lower-cased", () => {
    const [b] = stepBody(md("## S", "", "> [!TIP]", "> Try `podman ps -a`.", "> It lists stopped ones too."));
    expect(b).toEqual({ kind: "hint", alert: "tip", markdown: "Try `podman ps -a`.\nIt lists stopped ones too.", line: 3, column: 1 });
  });

  it("hint: a plain blockquote stays prose", () => {
    expect(stepBody(md("## S", "> just a quote"))[0]).toMatchObject({ kind: "prose", markdown: "> just a quote" });
  });

  it("solution: <details> with a summary holds parsed blocks; its commands do not move the step's sessions", () => {
    const lab = parseLab(
      md("## S", "", "<details>", "<summary>Show me</summary>", "", "```", "$ podman exec -it web bash", "```", "", "</details>", "", "```", "$ ls", "```"),
      "t.md",
    );
    const [sol, after] = lab.steps[0].body;
    expect(sol).toMatchObject({ kind: "solution", summary: "Show me", line: 3 });
    expect(sol.kind === "solution" && sol.body.map((b) => b.kind)).toEqual(["transcript"]);
    expect(after.kind === "transcript" && after.entries[0]).toMatchObject({ command: "ls", session: { id: 0, depth: 0 } });
  });

  it("solution: an unclosed <details> is a located problem and ends at the next heading", () => {
    const lab = parseLab(md("## S", "<details>", "", "text", "", "## Next", "more"), "t.md");
    expect(lab.problems).toEqual([expect.objectContaining({ line: 2, rule: "unclosed-details", severity: "error" })]);
    expect(lab.steps.map((s) => s.title)).toEqual(["S", "Next"]);
  });

  it("check: a ```check fence is visible, raw YAML and its first line kept", () => {
    const [b] = stepBody(md("## S", "```check points=2", "file: /etc/hosts", "mode: '0644'", "```"));
    expect(b).toEqual({ kind: "check", hidden: false, yaml: "file: /etc/hosts\nmode: '0644'\n", yamlLine: 3, info: "points=2", line: 2, column: 1 });
  });

  it("check: a <!-- check --> comment is hidden", () => {
    const [b] = stepBody(md("## S", "", "<!-- check", "process:", "  label: container_t", "-->"));
    expect(b).toMatchObject({ kind: "check", hidden: true, yaml: "process:\n  label: container_t\n", yamlLine: 4, line: 3 });
  });

  it("check: a one-line hidden check keeps its YAML on the opening line", () => {
    const [b] = stepBody(md("## S", "<!-- check exit: 0 -->"));
    expect(b).toMatchObject({ kind: "check", hidden: true, yaml: "exit: 0\n", yamlLine: 2 });
  });

  it("snippet: a fence in another language, or a console fence without prompts", () => {
    const [a, b] = stepBody(md("## S", "```yaml", "a: 1", "```", "", "```", "just text", "```"));
    expect(a).toMatchObject({ kind: "snippet", lang: "yaml", text: "a: 1", line: 2 });
    expect(b).toMatchObject({ kind: "snippet", lang: "", text: "just text", line: 6 });
  });

  it("prose: neighbouring paragraphs and lists merge into one Markdown block", () => {
    const blocks = stepBody(md("## S", "", "First.", "", "* a", "* b", "", "#### Deeper heading"));
    expect(blocks).toEqual([{ kind: "prose", markdown: "First.\n\n* a\n* b\n\n#### Deeper heading", line: 3, column: 1 }]);
  });

  it("headings: text before the first step is the intro; a ### before any ## is prose with a warning", () => {
    const lab = parseLab(md("# T", "", "Welcome.", "", "### Early", "", "## S"), "t.md");
    expect(lab.intro.map((b) => b.kind)).toEqual(["prose"]);
    expect(lab.problems).toEqual([expect.objectContaining({ line: 5, severity: "warning", rule: "task-outside-step" })]);
  });

  it("headings: a second # title is a warning and shown as text", () => {
    const lab = parseLab(md("# One", "# Two"), "t.md");
    expect(lab.title).toBe("One");
    expect(lab.problems[0]).toMatchObject({ line: 2, rule: "extra-title" });
  });

  it("fences: an unclosed fence is an error at its opening line", () => {
    const lab = parseLab(md("## S", "", "```", "$ ls", "## Not a step"), "t.md");
    expect(lab.problems).toEqual([expect.objectContaining({ line: 3, column: 1, rule: "unclosed-fence", severity: "error" })]);
  });

  it("fences: commands inside a list item are prose, with a warning saying they will not run", () => {
    const lab = parseLab(md("## S", "", "1. Run:", "", "   ```", "   $ ls", "   ```"), "t.md");
    expect(lab.steps[0].body.map((b) => b.kind)).toEqual(["prose"]);
    expect(lab.problems).toEqual([expect.objectContaining({ line: 5, column: 4, rule: "commands-in-list", severity: "warning" })]);
  });

  it("positions count front matter lines", () => {
    const lab = parseLab(md("---", "title: X", "---", "# T", "## S"), "t.md");
    expect(lab.titlePos).toEqual({ line: 4, column: 1 });
    expect(lab.steps[0]).toMatchObject({ line: 5 });
  });

  it("id comes from front matter, else the file name", () => {
    expect(parseLab(md("---", "id: my-lab", "---"), "labs/x.md").id).toBe("my-lab");
    expect(parseLab("# T\n", "labs/container-hosts.md").id).toBe("container-hosts");
  });

  it("CRLF line endings and a BOM read like LF", () => {
    const lab = parseLab("\uFEFF# T\r\n\r\n## S\r\n\r\n```\r\n$ ls\r\n  a\r\n```\r\n", "t.md");
    const t = lab.steps[0].body[0];
    expect(t.kind === "transcript" && t.entries[0]).toMatchObject({ command: "ls", expectedOutput: ["a"] });
  });
});
