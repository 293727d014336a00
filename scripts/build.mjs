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
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  banner: { js: "#!/usr/bin/env node" },
  sourcemap: "linked",
  logLevel: "warning",
});
