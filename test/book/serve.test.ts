// The author's static server (files from the site's folder, index.html for folders, nothing outside it) and the
// watcher that makes `hostlab book --serve` rebuild when a lab changes.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { serveStatic, watchLabs } from "../../book/serve.js";

let server: Server;
let url: string;

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), "hostlab-serve-"));
  mkdirSync(path.join(root, "labs"));
  writeFileSync(path.join(root, "index.html"), "<h1>index</h1>");
  writeFileSync(path.join(root, "labs", "a.html"), "<h1>a</h1>");
  writeFileSync(path.join(path.dirname(root), "hostlab-serve-secret.txt"), "secret");
  ({ server, url } = await serveStatic(root, 0));
});
afterAll(() => server?.close());

describe("serveStatic", () => {
  it("listens on loopback and serves files with their type", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${url}labs/a.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toBe("<h1>a</h1>");
  });

  it("serves index.html for the root", async () => {
    expect(await (await fetch(url)).text()).toBe("<h1>index</h1>");
  });

  it("answers 404 for missing files and never leaves the folder", async () => {
    expect((await fetch(`${url}nope.html`)).status).toBe(404);
    for (const escape of ["../hostlab-serve-secret.txt", "%2e%2e/hostlab-serve-secret.txt", "labs/%2e%2e/%2e%2e/hostlab-serve-secret.txt"]) {
      const res = await fetch(url + escape);
      expect(await res.text()).not.toBe("secret");
    }
  });
});

describe("watchLabs", () => {
  it("reports a changed lab file and a new lab in a watched folder, and nothing else", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hostlab-watch-"));
    writeFileSync(path.join(dir, "a.md"), "# A\n");
    const seen: string[] = [];
    const stop = watchLabs([dir], (file) => seen.push(path.basename(file)), 20);
    try {
      writeFileSync(path.join(dir, "notes.txt"), "not a lab");
      writeFileSync(path.join(dir, "b.md"), "# B\n");
      await expect.poll(() => seen, { timeout: 5_000 }).toContain("b.md");
      expect(seen).not.toContain("notes.txt");
    } finally {
      stop();
    }
  });
});
