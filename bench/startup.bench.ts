// CLI start-up, as a student feels it (issue 6 aims under 300 ms to the first prompt):
//   - `hostlab --version`: node plus loading the bundle, the floor every subcommand pays;
//   - `hostlab run <lab> --yes`: to the first line printed, and to the first command's output (host booted);
//   - `hostlab run <lab>` in a pseudo-terminal (util-linux `script`): to the first menu, the real "first prompt".
// Each is the median of several spawns of a fresh bundle of the CLI (built like scripts/build.mjs).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { build } from "esbuild";
import { median, report } from "./measure.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const LAB = path.join(ROOT, "test/fixtures/run-mode/student.md");
const RUNS = 7;
const cli = path.join(ROOT, "node_modules/.cache/hostlab-bench/hostlab.js");

await build({
  entryPoints: [path.join(ROOT, "runner/cli/main.ts")], outfile: cli, bundle: true, platform: "node", format: "esm",
  target: "node20", packages: "external", logLevel: "warning",
});

/** Milliseconds from spawn until stdout contains `marker` (the process is then killed). */
function timeTo(marker: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["pipe", "pipe", "ignore"] });
    let seen = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no "${marker}" within 20 s; saw: ${seen.slice(-300)}`));
    }, 20_000);
    child.stdout.on("data", (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      if (!seen.includes(marker)) return;
      const ms = performance.now() - t0;
      clearTimeout(timer);
      child.kill("SIGKILL");
      resolve(ms);
    });
  });
}

async function medianOf(fn: () => Promise<number>): Promise<number> {
  await fn(); // warm the file cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await fn());
  return median(times);
}

const freshState = () => ({ ...process.env, NO_COLOR: "1", XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), "hostlab-bench-")) });

const node = median(
  Array.from({ length: RUNS }, () => {
    const t0 = performance.now();
    spawnSync(process.execPath, ["-e", "0"]);
    return performance.now() - t0;
  }),
);
report("startup: node -e 0 (floor)", node, "ms");

const version = await medianOf(() => timeTo("0.", process.execPath, [cli, "--version"], process.env));
report("startup: hostlab --version", version, "ms");

const firstLine = await medianOf(() => timeTo("steps, on the built-in host", process.execPath, [cli, "run", LAB, "--yes"], freshState()));
report("startup: hostlab run --yes, first line", firstLine, "ms");

const firstOutput = await medianOf(() => timeTo("/root/work\n", process.execPath, [cli, "run", LAB, "--yes"], freshState()));
report("startup: hostlab run --yes, first command's output", firstOutput, "ms", "host booted, 3 commands run and saved");

const hasScript = spawnSync("script", ["--version"]).status === 0;
if (hasScript) {
  const line = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} run ${JSON.stringify(LAB)}`;
  const menu = await medianOf(() => timeTo("Command 1/3", "script", ["-qfec", line, "/dev/null"], { ...freshState(), TERM: "xterm" }));
  report("startup: hostlab run, first menu (pty)", menu, "ms", "aim: < 300 ms");
} else {
  console.error("startup: util-linux `script` not found; the time to the first menu in a terminal was not measured");
}

rmSync(path.dirname(cli), { recursive: true, force: true });
