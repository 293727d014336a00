// `hostlab book` as an author runs it: the bundled CLI (with its prebuilt terminal bundle beside it, as
// `npm run build` leaves dist/) in a scratch project. Exit codes, what it prints, and --serve.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTerminalBundle } from "../../book/bundle/terminal-bundle.js";
import { bundleCli, repo, runCli, scratchProject } from "../runner/modes/test/bundled-cli.js";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

let bundle = "";
beforeAll(async () => {
  bundle = await bundleCli("book-command");
  await buildTerminalBundle(path.join(path.dirname(bundle), "book"), repo);
}, 60_000);
const hostlab = (cwd: string, ...args: string[]) => runCli(bundle, cwd, args);

describe("hostlab book", () => {
  it("builds ./labs into ./book-out with exit 0 and says where", () => {
    const dir = scratchProject({ "greetings.md": fixture("greetings.md") });
    const r = hostlab(dir, "book");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^built 1 lab into book-out\/ in [\d.]+ s; open book-out\/index.html$/m);
    for (const f of ["index.html", "labs/greetings.html", "assets/terminal.js"]) expect(existsSync(path.join(dir, "book-out", f)), f).toBe(true);
  });

  it("stops at a failing lab with exit 1, the lab, the step and the diff", () => {
    const dir = scratchProject({ "broken.md": fixture("broken.md") });
    const r = hostlab(dir, "book", "--out", "site");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hostlab: labs/broken.md: the lab\'s run on the built-in host failed\n  step "Read it with wc"\n');
    expect(r.stderr).toContain("      - 7 /tmp/greeting\n      + 6 /tmp/greeting\n");
    expect(existsSync(path.join(dir, "site"))).toBe(false);
    const kept = hostlab(dir, "book", "--out", "site", "--allow-failing");
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain("(1 marked failing)");
  });

  it("answers bad input with one line and exit 2", () => {
    const dir = scratchProject({ "greetings.md": fixture("greetings.md") });
    const missing = hostlab(dir, "book", "nope");
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('hostlab: no lab "nope" in ./labs/ (labs there: greetings); give a lab id or a path to a .md file');
    const port = hostlab(dir, "book", "--serve", "--port", "99999");
    expect(port.code).toBe(2);
    expect(port.stderr).toContain("give a port number from 0 to 65535");
  });

  it("--serve serves the site on 127.0.0.1 and prints its URL", async () => {
    const dir = scratchProject({ "greetings.md": fixture("greetings.md") });
    const child = spawn(process.execPath, [bundle, "book", "--serve", "--port", "0"], { cwd: dir, env: { ...process.env, FORCE_COLOR: "0" } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
          const m = /serving the book at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`hostlab book --serve exited (${code}): ${out}`)));
      });
      const page = await (await fetch(`${url}labs/greetings.html`)).text();
      expect(page).toContain("<h1>Greetings</h1>");
    } finally {
      child.kill();
    }
  }, 30_000);
});
