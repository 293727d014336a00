// Front matter: every key optional, unknown keys and wrong types reported at the key's file:line:col.
import { describe, expect, it } from "vitest";
import { parseLab } from "../../../runner/parse/index.js";

const fm = (...yaml: string[]) => ["---", ...yaml, "---", "# T", ""].join("\n");

describe("front matter", () => {
  it("accepts every documented key", () => {
    const lab = parseLab(
      fm(
        "id: container-hosts", "title: Container Hosts", "summary: What a container is.", "duration: 45m",
        "difficulty: beginner", "tags: [podman, selinux]", "requires: [podman]", "host: rhel9", "seed: 42",
        "files:", "  labs/a.json: '{}'", "setup:", "  - mkdir -p /srv",
      ),
      "t.md",
    );
    expect(lab.problems).toEqual([]);
    expect(lab.meta).toMatchObject({ id: "container-hosts", host: "rhel9", seed: 42, files: { "labs/a.json": "{}" }, setup: ["mkdir -p /srv"] });
    expect(lab.metaPositions.host).toEqual({ line: 9, column: 1 });
  });

  it("none at all is fine", () => {
    expect(parseLab("# T\n", "t.md").problems).toEqual([]);
    expect(parseLab(fm(), "t.md").problems).toEqual([]);
  });

  it("an unknown key is located and gets a did-you-mean", () => {
    const [p] = parseLab(fm("id: x", "tittle: Oops"), "t.md").problems;
    expect(p).toMatchObject({ file: "t.md", line: 3, column: 1, severity: "error", rule: "front-matter" });
    expect(p.message).toContain("did you mean `title`?");
  });

  it("a wrong value is located at the value, and the valid keys are kept", () => {
    const lab = parseLab(fm("title: Kept", "host:   rhel8", "tags: [a, 3]"), "t.md");
    expect(lab.problems.map((p) => `${p.line}:${p.column}`)).toEqual(["3:9", "4:11"]);
    expect(lab.problems[0].message).toContain("host");
    expect(lab.meta).toEqual({ title: "Kept" });
  });

  it("a bad duration says how to write one", () => {
    const [p] = parseLab(fm("duration: soon"), "t.md").problems;
    expect(p.message).toContain('"30m"');
  });

  it("YAML syntax errors are located in the file", () => {
    const [p] = parseLab(fm("title: ok", "tags: [a, b"), "t.md").problems;
    expect(p).toMatchObject({ rule: "front-matter", severity: "error" });
    expect(p.line).toBeGreaterThanOrEqual(3);
  });

  it("a list instead of a mapping is an error", () => {
    expect(parseLab(fm("- a", "- b"), "t.md").problems[0].message).toContain("mapping");
  });

  it("an unclosed front matter is read as Markdown", () => {
    const lab = parseLab("---\ntitle: x\n# T\n", "t.md");
    expect(lab.title).toBe("T");
  });
});
