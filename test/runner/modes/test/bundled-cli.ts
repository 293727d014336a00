// The CLI as users run it, for the test-mode and new-command CLI tests: bundled with esbuild as scripts/build.mjs
// does (hostlab.js plus the test pool's test-worker.js beside it), under node_modules/.cache so dependencies resolve
// from the repo while the CLI runs in scratch folders, and a real dist/ is left alone. Each test file bundles into
// its own folder, so files running in parallel never read a half-written bundle.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { cliBuildOptions } from "../../../../scripts/cli-bundle.mjs";

export const repo = path.resolve(import.meta.dirname, "../../../..");

/** Bundles the CLI into node_modules/.cache/hostlab-<name>/; returns the path of hostlab.js. */
export async function bundleCli(name: string): Promise<string> {
  const outdir = path.join(repo, "node_modules/.cache", `hostlab-${name}`);
  await build(cliBuildOptions(repo, outdir));
  return path.join(outdir, "hostlab.js");
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI in `cwd`, without colours unless `env` asks for them. */
export function runCli(bundle: string, cwd: string, args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [bundle, ...args], { cwd, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0", ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking the test's thread (for runs that take a while, side by side). */
export function runCliAsync(bundle: string, cwd: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd, env: { ...process.env, FORCE_COLOR: "0" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A scratch project with a labs/ folder holding `labs` (name → text). */
export function scratchProject(labs: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "hostlab-test-mode-"));
  mkdirSync(path.join(dir, "labs"));
  for (const [name, text] of Object.entries(labs)) writeFileSync(path.join(dir, "labs", name), text);
  return dir;
}
