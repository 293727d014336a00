// Bundles the CLI into one ES module so `hostlab` starts fast (one file to load, dependencies stay in node_modules).
import { build } from "esbuild";
import { cliBuildOptions } from "./cli-bundle.mjs";

await build(cliBuildOptions(".", "dist"));

// The book's browser terminal (xterm.js, the engine, the checks) as one classic script in dist/book/, so an installed
// hostlab copies it instead of bundling at run time; book/bundle/terminal-bundle.ts holds its settings.
const bookBundler = "node_modules/.cache/hostlab/book-bundler.mjs";
await build({ entryPoints: ["book/bundle/terminal-bundle.ts"], outfile: bookBundler, bundle: true, platform: "node", format: "esm", packages: "external", logLevel: "warning" });
const { buildTerminalBundle } = await import(new URL(`../${bookBundler}`, import.meta.url).href);
await buildTerminalBundle("dist/book", process.cwd());
