// The CLI as users run it, for end-to-end tests: bundled like scripts/build.mjs does, but into node_modules/.cache
// (one file per test file, so parallel test files never race on it) so a stale or missing dist/ cannot fool a test.
import path from "node:path";
import { build } from "esbuild";
import { cliBuildOptions } from "../../scripts/cli-bundle.mjs";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const FIXTURES = path.join(REPO, "test/fixtures/run-mode");

/** Bundles runner/cli/main.ts and returns the path of the bundle. */
export async function bundleCli(name: string): Promise<string> {
  const outdir = path.join(REPO, "node_modules/.cache/hostlab-e2e", name);
  await build(cliBuildOptions(REPO, outdir));
  return path.join(outdir, "hostlab.js");
}
