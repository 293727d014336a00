// Bundles the CLI into one ES module so `hostlab` starts fast (one file to load, dependencies stay in node_modules).
import { build } from "esbuild";

await build({
  entryPoints: ["runner/cli/main.ts"],
  outfile: "dist/hostlab.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  banner: { js: "#!/usr/bin/env node" },
  sourcemap: "linked",
  logLevel: "warning",
});
