// How the CLI is bundled, in one place: `npm run build` (scripts/build.mjs) writes it to dist/, and the benchmarks and
// the tests that run the CLI as users do bundle it the same way into a folder of their own.

/** esbuild options for the CLI and the test pool's worker, written into `outdir`. */
export function cliBuildOptions(root, outdir) {
  return {
    entryPoints: [
      { in: `${root}/runner/cli/main.ts`, out: "hostlab" },
      // `hostlab test` runs labs on worker threads; the pool loads this file from beside hostlab.js.
      { in: `${root}/runner/modes/test/worker.ts`, out: "test-worker" },
    ],
    outdir,
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
  };
}
