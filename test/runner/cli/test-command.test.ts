// `hostlab test` as an author and a CI job run it: the bundled CLI in a scratch project, exit codes, the tree with
// its diffs, the JUnit/JSON/TAP reports, --output, --update, and parallel runs that report exactly as serial ones.
import { copyFileSync, readdirSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleCli, repo, runCli, runCliAsync, scratchProject } from "../modes/test/bundled-cli.js";

const fixture = (name: string) => readFileSync(path.join(repo, "test/fixtures/test-mode", name), "utf8");
const BASICS = fixture("basics.md");
const BROKEN = BASICS.replace("  hello from the lab", "  hello from a lab");

let bundle = "";
beforeAll(async () => {
  bundle = await bundleCli("test-command");
}, 60_000);
const hostlab = (cwd: string, ...args: string[]) => runCli(bundle, cwd, args);
const lastLine = (s: string) => s.trimEnd().split("\n").pop() ?? "";

describe("hostlab test", () => {
  it("passes a good lab: exit 0, the tree, and `1 passed, 0 failed` on the last line", () => {
    const dir = scratchProject({ "basics.md": BASICS });
    const r = hostlab(dir, "test");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ basics  labs/basics.md");
    expect(r.stdout).toContain("  ✓ Files and folders  line 11");
    expect(r.stdout).toContain("    ✓ cat /tmp/lab/notes/greeting.txt  labs/basics.md:18");
    expect(r.stdout).toContain("    – mkdir -p /tmp/lab/notes  labs/basics.md:16");
    expect(r.stdout).toContain("    ✓ check: the greeting exists  labs/basics.md:25");
    expect(lastLine(r.stdout)).toMatch(/^1 lab: 1 passed, 0 failed \(6 commands and checks passed, 0 failed, 5 not checked\) in [\d.]+ s$/);
    expect(hostlab(dir, "test", "basics").code).toBe(0); // by id
    expect(r.stdout).not.toContain("\x1b[");
  });

  it("fails a changed expected output with exit 1 and the diff under the command", () => {
    const dir = scratchProject({ "basics.md": BROKEN });
    const r = hostlab(dir, "test", "labs/basics.md");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      ["    ✗ cat /tmp/lab/notes/greeting.txt  labs/basics.md:18", "        - hello from a lab", "        + hello from the lab"].join("\n"),
    );
    expect(lastLine(r.stdout)).toContain("1 lab: 0 passed, 1 failed");
  });

  it("reports a check that passes before its step as a lab error", () => {
    const dir = scratchProject({ "early-check.md": fixture("early-check.md") });
    const r = hostlab(dir, "test");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✗ check: the hosts file exists  labs/early-check.md:12");
    expect(r.stdout).toContain("check 'hosts-file' passes before its step runs: it cannot fail");
    expect(lastLine(r.stdout)).toContain("1 lab error");
  });

  it("writes JUnit that validates, with one suite per lab and the failure in it", () => {
    const dir = scratchProject({ "a-basics.md": BASICS, "b-broken.md": BROKEN.replace("id: basics", "id: broken") });
    const r = hostlab(dir, "test", "--reporter", "junit");
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(r.stdout);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual(["basics", "broken"]);
    expect(doc.testsuites.failures).toBe("1");
    const failed = suites[1].testcase.find((c: { failure?: unknown }) => c.failure);
    expect(failed).toMatchObject({ line: "18", name: "Files and folders › cat /tmp/lab/notes/greeting.txt" });
    expect(failed.failure["#text"]).toContain("+ hello from the lab");
  });

  it("writes a report with --output while the tree goes to the terminal; JSON and TAP too", () => {
    const dir = scratchProject({ "basics.md": BASICS });
    const r = hostlab(dir, "test", "-r", "json", "-o", "out/report.json");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ basics");
    const json = JSON.parse(readFileSync(path.join(dir, "out/report.json"), "utf8"));
    expect(json).toMatchObject({ version: 1, ok: true, summary: { labsPassed: 1, labsFailed: 0 }, labs: [{ id: "basics", passed: true }] });
    expect(hostlab(dir, "test", "-r", "tap").stdout).toMatch(/^TAP version 14\n1\.\.1\n# Subtest: basics\n/);
  });

  it("--update rewrites the changed output, byte for byte, and the lab passes after", () => {
    const dir = scratchProject({ "basics.md": BROKEN.replace(/\n/g, "\r\n") });
    const r = hostlab(dir, "test", "--update");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("updated labs/basics.md: 1 expected output rewritten (lines 18); it passes now");
    expect(readFileSync(path.join(dir, "labs/basics.md"), "utf8")).toBe(BASICS.replace(/\n/g, "\r\n"));
    expect(hostlab(dir, "test").code).toBe(0);
  });

  it("bad input is one line and exit 2: no such lab, a wrong reporter", () => {
    const dir = scratchProject({ "basics.md": BASICS });
    for (const [args, text] of [
      [["test", "nope"], 'hostlab: no lab "nope" in ./labs/ (labs there: basics)'],
      [["test", "labs/missing.md"], "hostlab: labs/missing.md: no such file"],
      [["test", "-r", "xml"], "argument 'xml' is invalid"],
      [["test", "-j", "0"], "give a whole number of labs"],
    ] as const) {
      const r = hostlab(dir, ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("colours only when allowed: NO_COLOR and --no-color win over FORCE_COLOR", () => {
    const dir = scratchProject({ "basics.md": BASICS });
    expect(runCli(bundle, dir, ["test"], { FORCE_COLOR: "1" }).stdout).toContain("\x1b[32m✓");
    expect(runCli(bundle, dir, ["test"], { FORCE_COLOR: "1", NO_COLOR: "1" }).stdout).not.toContain("\x1b[");
    expect(runCli(bundle, dir, ["test", "--no-color"], { FORCE_COLOR: "1" }).stdout).not.toContain("\x1b[");
  });

  it("gives the same report in parallel as in series, in the order the labs were given", async () => {
    const names = ["basics.md", "early-check.md", "hatches.md", "never-passes.md", "not-found.md"];
    const dir = scratchProject(Object.fromEntries(names.map((n) => [n, fixture(n)])));
    const order = ["labs/not-found.md", "labs/basics.md", "labs/hatches.md", "labs/early-check.md", "labs/never-passes.md"];
    const [serial, parallel] = await Promise.all([
      runCliAsync(bundle, dir, ["test", "-r", "json", "-o", "serial.json", "-j", "1", ...order]),
      runCliAsync(bundle, dir, ["test", "-r", "json", "-o", "parallel.json", "-j", "4", ...order]),
    ]);
    const report = (name: string) => JSON.parse(readFileSync(path.join(dir, name), "utf8"), (k, v) => (k === "durationMs" ? 0 : v));
    const withoutTime = (tree: string) => tree.replace(/ in [\d.]+ s\n$/, "\n");
    expect([serial.code, parallel.code]).toEqual([1, 1]);
    expect(report("parallel.json")).toEqual(report("serial.json"));
    expect(report("serial.json").labs.map((l: { path: string }) => l.path)).toEqual(order);
    // The tree, printed lab by lab as they finish, comes out in the order given too.
    expect(withoutTime(parallel.stdout)).toBe(withoutTime(serial.stdout));
    expect([...serial.stdout.matchAll(/^[✓✗] \S+  (\S+)$/gm)].map((m) => m[1])).toEqual(order);
    // A bundle without test-worker.js beside it (someone's custom build) tests the labs in one thread, same report.
    const solo = path.join(path.dirname(bundle), "../hostlab-test-command-solo/hostlab.js");
    mkdirSync(path.dirname(solo), { recursive: true });
    for (const f of readdirSync(path.dirname(bundle)).filter((f) => !f.startsWith("test-worker."))) {
      copyFileSync(path.join(path.dirname(bundle), f), path.join(path.dirname(solo), f));
    }
    expect(runCli(solo, dir, ["test", "-r", "json", "-o", "solo.json", "-j", "4", ...order]).code).toBe(1);
    expect(report("solo.json")).toEqual(report("serial.json"));
  });
});

// The acceptance of issue 6 on the course itself: its first lab passes; one output changed on purpose fails with a
// readable diff; `--update` gives back the file byte for byte.
describe("hostlab test on the course", () => {
  const COURSE = readFileSync(path.join(repo, "labs/container-hosts.md"), "utf8");

  it("passes container-hosts, fails it with a diff when an output is changed, and --update restores it", () => {
    const dir = scratchProject({ "container-hosts.md": COURSE });
    expect(hostlab(dir, "test").code).toBe(0);
    const changed = COURSE.replace('\n    "/bin/sh",\n', '\n    "/bin/bash",\n');
    expect(changed).not.toBe(COURSE);
    const file = path.join(dir, "labs/container-hosts.md");
    writeFileSync(file, changed);
    const r = hostlab(dir, "test", "container-hosts");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ jq '\.process\.args' .*labs\/container-hosts\.md:\d+\n {10}\[\n {8}- {3}"\/bin\/bash",\n {8}\+ {3}"\/bin\/sh",\n/);
    expect(hostlab(dir, "test", "--update").code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(COURSE);
  }, 60_000); // four runs of the whole lab through the CLI
});
