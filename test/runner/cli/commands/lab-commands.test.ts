// hostlab lint, list and show as a user runs them: real processes, exit codes, one-line errors, no stack traces.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { cliBuildOptions } from "../../../../scripts/cli-bundle.mjs";
import { beforeAll, describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../../../..");
// The CLI bundled as scripts/build.mjs does, but under node_modules/.cache so dependencies resolve from the repo
// while the CLI runs in scratch folders (and a real `dist/` is left alone).
const bundle = path.join(repo, "node_modules/.cache/hostlab-cli-test/hostlab.js");

beforeAll(async () => {
  await build(cliBuildOptions(repo, path.dirname(bundle)));
});

/** Runs the bundled CLI in `cwd`. */
function hostlab(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bundle, ...args], { cwd, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch project with a labs/ folder. */
function project(labs: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "hostlab-cli-"));
  mkdirSync(path.join(dir, "labs"));
  for (const [name, text] of Object.entries(labs)) writeFileSync(path.join(dir, "labs", name), text);
  return dir;
}

const GOOD = "---\nid: good-one\nduration: 1h30m\n---\n# Good\n\n## First\n\n```\n$ podman ps\n```\n\n## Second\n\ntext\n";
const TYPO = "# Typo\n\n## S\n\n```\n$ podman pull quay.i0/a/b\n```\n";
const WARN = "# Warn\n\n## Empty\n";

describe("hostlab lint / list / show", () => {
  const dir = project({ "good.md": GOOD, "typo.md": TYPO, "warn.md": WARN });

  it("lint prints path:line:col: severity: message and exits 1 on errors", () => {
    const r = hostlab(dir, "lint", "labs");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("labs/typo.md:6:15: error: registry host `quay.i0` does not exist; did you mean `quay.io`?");
    expect(r.stdout).toContain("labs/warn.md:3:1: warning:");
    expect(r.stderr).toContain("1 error, 1 warning in 3 files");
  });

  it("lint exits 0 with only warnings, and defaults to ./labs", () => {
    expect(hostlab(dir, "lint", "labs/warn.md", "labs/good.md").code).toBe(0);
    expect(hostlab(dir, "lint").code).toBe(1);
  });

  it("lint --json gives the diagnostics as data", () => {
    const r = hostlab(dir, "lint", "--json", "labs/typo.md");
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ files: 1, errors: 1, warnings: 0, inputErrors: [] });
    expect(json.diagnostics[0]).toMatchObject({ file: "labs/typo.md", line: 6, column: 15, rule: "unknown-registry" });
  });

  it("bad input is one line naming the file, exit 2, no stack trace", () => {
    const bin = project({ "bin.md": Buffer.from([0x23, 0, 1, 2]) });
    writeFileSync(path.join(bin, "notes.txt"), "# x\n");
    for (const [args, text] of [
      [["lint", "labs/missing.md"], "labs/missing.md: no such file"],
      [["lint", "labs/bin.md"], "labs/bin.md: not a text file"],
      [["lint", "notes.txt"], "notes.txt: not a Markdown lab"],
      [["show", "nope"], 'no lab "nope" in ./labs/'],
      [["show", "labs"], "labs: is a directory"],
      [["list", "nowhere"], "nowhere: no such directory"],
    ] as const) {
      const r = hostlab(bin, ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(`hostlab: ${text}`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("list shows id, title, steps and duration", () => {
    const r = hostlab(dir, "list");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^ID\s+TITLE\s+STEPS\s+DURATION$/);
    expect(r.stdout).toMatch(/good-one\s+Good\s+2\s+90 min/);
    expect(JSON.parse(hostlab(dir, "list", "--json").stdout)).toHaveLength(3);
  });

  it("show finds a lab by id or path; --json is the model", () => {
    const byId = hostlab(dir, "show", "good-one");
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain("1. First");
    expect(byId.stdout).toContain("$ podman ps");
    const json = JSON.parse(hostlab(dir, "show", "--json", "labs/typo.md").stdout);
    expect(json).toMatchObject({ id: "typo", title: "Typo", steps: [{ title: "S" }] });
    expect(hostlab(dir, "show", "typo").code).toBe(0);
  });
});
