// `hostlab new <id>` as an author runs it: the new lab lints clean and passes `hostlab test` straight away, and
// nothing is ever overwritten.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleCli, runCli, scratchProject } from "../modes/test/bundled-cli.js";

let bundle = "";
beforeAll(async () => {
  bundle = await bundleCli("new-command");
}, 60_000);
const hostlab = (cwd: string, ...args: string[]) => runCli(bundle, cwd, args);

describe("hostlab new", () => {
  it("scaffolds labs/<id>.md that lints clean and passes hostlab test", () => {
    const dir = scratchProject({});
    const r = hostlab(dir, "new", "kernel-keyrings");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("created labs/kernel-keyrings.md");
    const text = readFileSync(path.join(dir, "labs/kernel-keyrings.md"), "utf8");
    expect(text).toMatch(/^---\nid: kernel-keyrings\ntitle: Kernel keyrings\n/);
    expect(text).toContain("# Kernel keyrings");
    expect(text.match(/^## /gm)).toHaveLength(2);
    expect(text.match(/^```check$/gm)).toHaveLength(2);
    expect(text).toContain("$ cat /srv/kernel-keyrings/hello.txt\n  hello from kernel-keyrings\n");
    expect(text).not.toContain("hostlab new)"); // every placeholder replaced by real output
    const lint = hostlab(dir, "lint");
    expect(lint.code).toBe(0);
    expect(lint.stderr).toContain("0 errors, 0 warnings");
    const test = hostlab(dir, "test", "kernel-keyrings");
    expect(test.code).toBe(0);
    expect(test.stdout.trimEnd().split("\n").pop()).toContain("1 lab: 1 passed, 0 failed");
  });

  it("creates the labs folder when there is none, and --dir picks another", () => {
    const dir = scratchProject({});
    expect(hostlab(dir, "new", "x1", "--dir", "course").code).toBe(0);
    expect(readFileSync(path.join(dir, "course/x1.md"), "utf8")).toContain("id: x1");
  });

  it("refuses to overwrite a lab, and refuses an id the front matter would reject (exit 2)", () => {
    const dir = scratchProject({ "taken.md": "# Mine\n" });
    const r = hostlab(dir, "new", "taken");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("hostlab: labs/taken.md already exists; pick another id, or edit that lab\n");
    expect(readFileSync(path.join(dir, "labs/taken.md"), "utf8")).toBe("# Mine\n");
    const bad = hostlab(dir, "new", "Bad Id");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"Bad Id" is not a lab id');
  });
});
