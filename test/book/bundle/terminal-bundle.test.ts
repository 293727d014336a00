// The browser terminal bundles from source for the browser: one classic script with no node: import left (the
// engine's rule, and just-bash's browser build with its parse() export and zlib stand-in), small enough to serve.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildTerminalBundle } from "../../../book/bundle/terminal-bundle.js";

describe("buildTerminalBundle", () => {
  it("makes a classic script under 1 MB gzipped, with no node: imports", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hostlab-bundle-test-"));
    const { script, style } = await buildTerminalBundle(dir);
    const js = readFileSync(script);
    const text = js.toString("utf8");
    // Booleans, not toMatch: a failure must not print two megabytes of minified code.
    expect(/\b(require\(|from)\s*["']node:/.test(text), "a node: import is left in the bundle").toBe(false);
    expect(text.startsWith('"use strict";(()=>{'), "the bundle is an IIFE").toBe(true);
    expect(gzipSync(js).length).toBeLessThan(1024 * 1024);
    expect(readFileSync(style, "utf8")).toContain(".xterm");
  }, 30_000);
});
