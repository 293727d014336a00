// Bundles the CLI into one ES module so `hostlab` starts fast (one file to load, dependencies stay in node_modules).
import { build } from "esbuild";

await build({
  entryPoints: [
    { in: "runner/cli/main.ts", out: "hostlab" },
    // `hostlab test` runs labs on worker threads; the pool loads this file from beside hostlab.js.
    { in: "runner/modes/test/worker.ts", out: "test-worker" },
  ],
  outdir: "dist",
  bundle: true,
  // Split, so a subcommand loads only what it uses: `hostlab lint` never loads the engine, just-bash or execa.
  // Chunks sit beside hostlab.js (no subfolder), where the test pool looks for test-worker.js from its own chunk.
  splitting: true,
  chunkNames: "chunk-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  banner: { js: "#!/usr/bin/env node" },
  sourcemap: "linked",
  logLevel: "warning",
});

// The book's browser terminal (xterm.js, the engine, the checks) as one classic script in dist/book/, so an installed
// hostlab copies it instead of bundling at run time; book/bundle/terminal-bundle.ts holds its settings.
const bookBundler = "node_modules/.cache/hostlab/book-bundler.mjs";
await build({ entryPoints: ["book/bundle/terminal-bundle.ts"], outfile: bookBundler, bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning" });
const { buildTerminalBundle } = await import(new URL(`../${bookBundler}`, import.meta.url).href);
await buildTerminalBundle("dist/book", process.cwd());
