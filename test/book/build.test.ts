// The site builder on two small labs: the pages are there, every link resolves, captured output is printed under
// its command, hidden checks never reach a page, and a failing lab stops the build (lab, step, diff) or, with
// allowFailing, is kept and marked. The browser bundle is stubbed here (test/book/bundle covers the real one).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BookFailure, buildBook } from "../../book/build.js";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const GOOD = path.join(FIXTURES, "greetings.md");
const BROKEN = path.join(FIXTURES, "broken.md");

let bundleDir: string;
beforeAll(() => {
  bundleDir = mkdtempSync(path.join(tmpdir(), "hostlab-book-stub-"));
  writeFileSync(path.join(bundleDir, "terminal.js"), "/* stub */");
  writeFileSync(path.join(bundleDir, "terminal.css"), "/* stub */");
});

const outDir = () => mkdtempSync(path.join(tmpdir(), "hostlab-book-test-"));
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");

describe("buildBook", () => {
  it("writes the index, a page per lab and the assets", async () => {
    const out = outDir();
    const result = await buildBook({ labFiles: [GOOD], outDir: out, bundleDir });
    expect(result.labs).toEqual([expect.objectContaining({ id: "greetings", page: "labs/greetings.html", passed: true })]);
    for (const f of ["index.html", "labs/greetings.html", "assets/book.css", "assets/terminal.js", "assets/terminal.css"]) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
    const index = read(out, "index.html");
    expect(index).toContain('href="labs/greetings.html"');
    expect(index).toContain("A small lab for the book");
    expect(index).toContain("10 min · beginner · 2 steps");
  });

  it("prints each command's output as captured on the built-in host", async () => {
    const out = outDir();
    await buildBook({ labFiles: [GOOD], outDir: out, bundleDir });
    const page = read(out, "labs/greetings.html");
    expect(page).toMatch(/data-command="wc -c \/tmp\/greeting"[^]*?<pre class="output">6 \/tmp\/greeting<\/pre>/);
    // A solution's commands are not run: the notes' output is shown, marked as such.
    expect(page).toMatch(/<details class="solution">[^]*?class="output from-notes"[^>]*>6<\/pre>/);
    expect(page).toMatch(/<details class="hint hint-tip"><summary>Tip<\/summary>/);
  });

  it("describes visible checks and leaves hidden ones out of the page and its data", async () => {
    const out = outDir();
    await buildBook({ labFiles: [GOOD], outDir: out, bundleDir });
    const page = read(out, "labs/greetings.html");
    expect(page).toContain("/tmp/greeting exists");
    expect(page).toContain('data-action="check" data-step="0"');
    expect(page).not.toContain("SECRET-GRADER-CHECK");
    expect(page).not.toContain("secret-grader-check");
  });

  it("links only to pages and anchors that exist", async () => {
    const out = outDir();
    await buildBook({ labFiles: [GOOD, BROKEN], outDir: out, bundleDir, allowFailing: true });
    for (const page of ["index.html", "labs/greetings.html", "labs/broken.html"]) {
      const html = read(out, page);
      const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
      for (const [, target] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
        if (/^(https?:|data:)/.test(target)) continue;
        const [file, anchor] = target.split("#");
        if (file) expect(existsSync(path.join(out, path.dirname(page), file)), `${page} → ${target}`).toBe(true);
        if (anchor && !file) expect(ids.has(anchor), `${page} → #${anchor}`).toBe(true);
      }
    }
    expect(read(out, "labs/greetings.html")).toContain('href="broken.html"');
  });

  it("stops at a failing lab with the lab, the step and the diff", async () => {
    const out = outDir();
    const error = await buildBook({ labFiles: [GOOD, BROKEN], outDir: out, bundleDir }).catch((e) => e);
    expect(error).toBeInstanceOf(BookFailure);
    expect(error.message).toContain("broken.md");
    expect(error.message).toContain('step "Read it with wc"');
    expect(error.message).toContain("command `wc -c /tmp/greeting` (line 43)");
    expect(error.message).toMatch(/- 7 \/tmp\/greeting\n.*\+ 6 \/tmp\/greeting/);
    expect(existsSync(path.join(out, "index.html"))).toBe(false);
  });

  it("keeps a failing lab with --allow-failing, marked in its page and the index", async () => {
    const out = outDir();
    const result = await buildBook({ labFiles: [GOOD, BROKEN], outDir: out, bundleDir, allowFailing: true });
    expect(result.labs.map((l) => [l.id, l.passed])).toEqual([["greetings", true], ["broken", false]]);
    const page = read(out, "labs/broken.html");
    expect(page).toContain('class="lab-failed"');
    expect(page).toMatch(/class="command failed" id="line-43"/);
    expect(read(out, "index.html")).toMatch(/data-lab="broken"[^]*failed its test run/);
    expect(read(out, "labs/greetings.html")).not.toContain('class="lab-failed"');
  });

  it("refuses two labs with one id, and an empty list, with a clear message", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hostlab-book-dup-"));
    mkdirSync(path.join(dir, "a"));
    const copy = path.join(dir, "a", "greetings.md");
    writeFileSync(copy, readFileSync(GOOD));
    await expect(buildBook({ labFiles: [GOOD, copy], outDir: outDir(), bundleDir })).rejects.toThrow(/lab id "greetings" is also the id of/);
    await expect(buildBook({ labFiles: [], outDir: outDir(), bundleDir })).rejects.toThrow(/no labs to put in the book/);
  });

  it("escapes hostile lab text: a title, prose and commands cannot put markup or script into a page", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hostlab-book-hostile-"));
    const file = path.join(dir, "hostile.md");
    writeFileSync(
      file,
      ["---", "id: hostile", "summary: <img src=x onerror=alert(1)>", "---", "", "# <script>alert(1)</script>", "", "## Step </script>", "",
        "<iframe src=evil></iframe>", "", "```console", '$ echo "</script><b>x</b>"', "  </script><b>x</b>", "```", ""].join("\n"),
    );
    const out = outDir();
    await buildBook({ labFiles: [file], outDir: out, bundleDir });
    for (const page of ["index.html", "labs/hostile.html"]) {
      const html = read(out, page);
      expect(html).not.toMatch(/<script>alert|<img src=x|<iframe|<b>x<\/b>/);
      expect(html.match(/<\/script>/g)?.length).toBe(html.match(/<script\b/g)?.length);
    }
  });
});
