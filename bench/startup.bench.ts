// CLI start-up, as a student feels it (issue 6 aims under 300 ms to the first prompt):
//   - `hostlab --version`: node plus loading the bundle, the floor every subcommand pays;
//   - `hostlab run <lab> --yes`: to the first line printed, and to the first command's output (host booted);
//   - `hostlab run <lab>` in a pseudo-terminal (util-linux `script`): to the first menu, the real "first prompt".
// Each is the median of several spawns of a fresh bundle of the CLI (built like scripts/build.mjs). Wall time on a
// busy machine says little, so each figure also gives the CPU time the process tree had used at that moment
// (utime + stime from /proc), which load does not inflate.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { build } from "esbuild";
import { cliBuildOptions } from "../scripts/cli-bundle.mjs";
import { median, report } from "./measure.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const LAB = path.join(ROOT, "test/fixtures/run-mode/student.md");
const RUNS = 7;
const cli = path.join(ROOT, "node_modules/.cache/hostlab-bench/hostlab.js");

await build(cliBuildOptions(ROOT, path.dirname(cli)));

/** CPU milliseconds used so far by a process and its descendants (Linux /proc; 0 elsewhere). */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (proc(5))
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return (ticks * 1000) / CLOCK_TICKS + children.reduce((sum, c) => sum + cpuMs(c), 0);
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux

/** Wall and CPU milliseconds from spawn until stdout contains `marker` (the process is then killed). */
function timeTo(marker: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ wall: number; cpu: number }> {
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
      const wall = performance.now() - t0;
      const cpu = cpuMs(child.pid!);
      clearTimeout(timer);
      child.kill("SIGKILL");
      resolve({ wall, cpu });
    });
  });
}

async function medianOf(fn: () => Promise<{ wall: number; cpu: number }>): Promise<{ wall: number; cpu: number }> {
  await fn(); // warm the file cache
  const runs: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < RUNS; i++) runs.push(await fn());
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
}

function reportBoth(name: string, t: { wall: number; cpu: number }, note = ""): void {
  report(name, t.wall, "ms", note);
  if (t.cpu > 0) report(`${name} (cpu)`, t.cpu, "ms", "user+system time of the process tree");
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
reportBoth("startup: hostlab --version", version);

const firstLine = await medianOf(() => timeTo("steps, on the built-in host", process.execPath, [cli, "run", LAB, "--yes"], freshState()));
reportBoth("startup: hostlab run --yes, first line", firstLine);

const firstOutput = await medianOf(() => timeTo("/root/work\n", process.execPath, [cli, "run", LAB, "--yes"], freshState()));
reportBoth("startup: hostlab run --yes, first command's output", firstOutput, "host booted, 3 commands run and saved");

const hasScript = spawnSync("script", ["--version"]).status === 0;
if (hasScript) {
  const line = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} run ${JSON.stringify(LAB)}`;
  const menu = await medianOf(() => timeTo("Command 1/3", "script", ["-qfec", line, "/dev/null"], { ...freshState(), TERM: "xterm" }));
  reportBoth("startup: hostlab run, first menu (pty)", menu, "aim: < 300 ms");
} else {
  console.error("startup: util-linux `script` not found; the time to the first menu in a terminal was not measured");
}

rmSync(path.dirname(cli), { recursive: true, force: true });
