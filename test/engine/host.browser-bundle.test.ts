// The engine must bundle for the browser (the book runs it in a page): no `node:` imports of its own.
import { describe, it, expect } from "vitest";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

describe("engine/ in a browser bundle", () => {
  it("bundles with esbuild for the browser; the only node: import left is just-bash's own gzip", async () => {
    const entry = fileURLToPath(new URL("../../engine/index.ts", import.meta.url));
    const r = await build({
      entryPoints: [entry], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent",
      // just-bash's browser build imports node:zlib for gzip; the book aliases it to a shim
      external: ["node:zlib"],
    });
    const text = r.outputFiles[0].text;
    const nodeImports = [...new Set((text.match(/from\s*"node:[a-z_/]+"/g) ?? []).map((m) => m.replace(/^from\s*/, "")))];
    expect(nodeImports.filter((m) => m !== '"node:zlib"')).toEqual([]);
  }, 60_000);
});
