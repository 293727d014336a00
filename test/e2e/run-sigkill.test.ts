// Killing `hostlab run --yes` at random moments (SIGKILL: no handler runs, no chance to save) must lose at most the
// command that was running: the state file is always whole, schema-valid JSON, and resuming reaches the same host
// as a run that was never interrupted. The fixture's last step proves the host: `cat` of a file every earlier
// command appended one line to must match the notes exactly, so a command lost or replayed twice fails it.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { progressSchema } from "../../runner/state/progress-store.js";
import { bundleCli, FIXTURES, REPO } from "./cli-bundle.js";

const LAB = path.join(FIXTURES, "many.md");
const KILLS = 6;
let cli: string;

beforeAll(async () => {
  cli = await bundleCli("run-sigkill");
});

const env = (state: string) => ({ ...process.env, XDG_STATE_HOME: state, NO_COLOR: "1" });
const stateFile = (state: string) => path.join(state, "hostlab", "sessions", "run-many.json");

function runToEnd(state: string) {
  return spawnSync(process.execPath, [cli, "run", LAB, "--yes"], { cwd: REPO, env: env(state), encoding: "utf8" });
}

/**
 * Starts a run and kills it with SIGKILL `ms` after it has echoed `prompts` command lines (0: after its first output,
 * while it replays). Aiming by progress rather than by the clock lands kills inside commands and their saves however
 * loaded the machine is. Resolves once the process is gone.
 */
function runAndKill(state: string, prompts: number, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, "run", LAB, "--yes"], { cwd: REPO, env: env(state), stdio: ["ignore", "pipe", "ignore"] });
    let seen = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      seen += chunk.toString("utf8").split("]# ").length - 1;
      if (!timer && seen >= prompts) timer = setTimeout(() => child.kill("SIGKILL"), ms);
    });
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The state file, which must be readable whenever it exists. */
function readState(state: string) {
  let text: string;
  try {
    text = readFileSync(stateFile(state), "utf8");
  } catch {
    return null; // killed before the first save
  }
  return progressSchema.parse(JSON.parse(text));
}

const logOf = (p: { log: unknown[] }) => p.log;

describe("hostlab run --yes under SIGKILL", () => {
  it("always leaves a readable state file, and the resumed run ends like an uninterrupted one", async () => {
    const clean = mkdtempSync(path.join(tmpdir(), "hostlab-kill-clean-"));
    const uninterrupted = runToEnd(clean);
    expect(uninterrupted.status, uninterrupted.stderr).toBe(0);
    const reference = readState(clean)!;

    const state = mkdtempSync(path.join(tmpdir(), "hostlab-kill-"));
    // A fixed sequence of "random" moments, spread over replay and commands, so a failure reproduces.
    let x = 12345;
    const steps: number[] = [];
    for (let i = 0; i < KILLS; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      await runAndKill(state, x % 10, (x >> 4) % 25);
      const saved = readState(state);
      if (saved) steps.push(saved.log.length);
      // Never a corrupt file moved aside: every kill left a whole file.
      if (saved) expect(readdirSync(path.dirname(stateFile(state))).filter((f) => f.includes("corrupt"))).toEqual([]);
    }
    console.log(`SIGKILL: log lengths after each kill: ${steps.join(", ")}`);
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.at(-1)).toBeGreaterThan(0); // the kills did land among the commands, not only during start-up

    const resumed = runToEnd(state);
    expect(resumed.status, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/Resuming Many small commands at step \d+ \(\d+ commands replayed\)|You finished Many small commands already/);
    const final = readState(state)!;
    expect(logOf(final)).toEqual(logOf(reference));
    expect(final.checks).toEqual(reference.checks);
    // The last command compares the whole trail with the notes: the same host state, line for line.
    expect(final.log.at(-2)).toMatchObject({ command: "cat /root/trail/log", verdict: "pass" });
  }, 60_000);
});
