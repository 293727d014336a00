// The browser half of the book: book/browser/terminal.ts (xterm.js, the line editor, the engine and the checks)
// bundled into one classic script plus its stylesheet. A classic IIFE, not an ES module, because pages opened from
// file:// may not import modules. `npm run build` makes it once into dist/book/ (scripts/build.mjs), so an installed
// hostlab copies it and needs no bundler; in a checkout run from source (tsx, vitest) it is bundled on first use.
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exportJustBashParse } from "./just-bash-parse.js";

/** The files of the bundle, relative to its directory. */
export const BUNDLE_FILES = { script: "terminal.js", style: "terminal.css" } as const;

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Bundles the terminal into `outDir` (terminal.js, terminal.css). Needs esbuild (a dev dependency). */
export async function buildTerminalBundle(outDir: string, root = REPO_ROOT): Promise<{ script: string; style: string }> {
  const { build } = await import("esbuild");
  await build({
    entryPoints: { terminal: path.join(root, "book/browser/terminal.ts") },
    outdir: outDir,
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2022",
    minify: true,
    legalComments: "none",
    // just-bash's browser build imports node:zlib for gzip; the page gets a stand-in that refuses (see the shim).
    alias: { "node:zlib": path.join(root, "book/browser/shims/zlib.ts") },
    plugins: [exportJustBashParse()],
    logLevel: "silent",
  });
  return { script: path.join(outDir, BUNDLE_FILES.script), style: path.join(outDir, BUNDLE_FILES.style) };
}

let built: Promise<string> | null = null;

/** The directory holding terminal.js and terminal.css: prebuilt beside the CLI, else bundled now (once a process). */
export function locateTerminalBundle(): Promise<string> {
  const prebuilt = fileURLToPath(new URL("./book/", import.meta.url));
  if (existsSync(path.join(prebuilt, BUNDLE_FILES.script))) return Promise.resolve(prebuilt);
  built ??= (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hostlab-book-bundle-"));
    try {
      await buildTerminalBundle(dir);
    } catch (e) {
      built = null;
      const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
      throw new Error(`cannot bundle the book's terminal (${why}); run \`npm run build\` in the hostlab checkout`);
    }
    return dir;
  })();
  return built;
}
