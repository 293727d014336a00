// The container engines on the built-in host: the seed notes' 32 commands on a warm host (aim: under 50 ms),
// one `podman run -d` (aim: under 1 ms), memory per running container (aim: under 50 KB) and `ps -efZ` with 1,000
// running containers (aim: under 20 ms). Memory is measured with the garbage collector exposed: the bench
// re-runs itself with --expose-gc when it was started without it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createHost, openSession, type Host } from "../engine/index.js";
import { installContainers } from "../engine/containers/index.js";
import { kernelFs } from "../engine/fs/fs-view.js";
import { SEED_COMMANDS } from "../test/engine/seed-notes.commands.js";
import { runEngineCli, sharedSubcommands, podmanOnlySubcommands } from "../engine/containers/podman/index.js";
import { taskFs } from "../engine/fs/fs-view.js";
import type { CommandContext } from "../engine/userland/command.js";
import { median, report, timeMedian } from "./measure.js";

/** Median CPU time (user + system, ms) of fn over `runs`: robust when the machine is shared and loaded. */
async function cpuMedian(fn: () => unknown, runs: number, warmup: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    xs.push((c.user + c.system) / 1000);
  }
  return median(xs);
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}

function labHost(seed: number): Host {
  const host = createHost({ seed, profile: "rhel7" });
  installContainers(host);
  const fs = kernelFs(host);
  fs.mkdirSync("/root/labs/lab3-step5", { recursive: true });
  fs.writeFileSync("/root/labs/lab3-step5/chmod.json", '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"name":"fchmodat","action":"SCMP_ACT_ERRNO"}]}');
  return host;
}

async function seedRun(seed: number): Promise<void> {
  const host = labHost(seed);
  const s = openSession(host);
  for (const line of SEED_COMMANDS) await s.run(line);
}

// warm: the modules are loaded and JIT-compiled by earlier runs; each run boots a fresh host (boot not counted)
async function seedCommands(seed: number): Promise<number> {
  const host = labHost(seed);
  const s = openSession(host);
  const t0 = performance.now();
  for (const line of SEED_COMMANDS) await s.run(line);
  return performance.now() - t0;
}
for (let i = 0; i < 3; i++) await seedCommands(7);
const walls: number[] = [];
for (let i = 0; i < 9; i++) walls.push(await seedCommands(7));
report("seed notes, 32 commands (rhel7, booted host)", median(walls), "ms", "wall, median of 9, boot excluded");
const seedCpu = await cpuMedian(() => seedRun(7), 9, 1);
report("seed notes incl. boot, CPU time", seedCpu, "ms", "user+sys, median of 9");
const bootMs = await timeMedian(() => labHost(9), 9, 2);
report("boot a rhel7 host (createHost)", bootMs, "ms", "wall, median of 9");

{
  const host = labHost(1);
  const s = openSession(host);
  let i = 0;
  const ms = await timeMedian(() => s.run(`podman run -d --name c${i++} registry.access.redhat.com/ubi7/ubi sleep 100000`), 31, 20);
  report("podman run -d (one container)", ms, "ms", "wall, median of 31, through the session (parse + shell + engine)");
  const cpu = await cpuMedian(() => s.run(`podman run -d --name c${i++} registry.access.redhat.com/ubi7/ubi sleep 100000`), 31, 5);
  report("podman run -d (one container), CPU time", cpu, "ms", "user+sys, median of 31");
}

{
  // the engine alone: the podman command called directly, without the shell that parses the line around it
  const host = labHost(3);
  const task = host.tasks.byPid[host.loginPid]!;
  const ctx = {
    host, task, fs: taskFs(host, task), cwd: "/root", env: {}, stdin: "",
    shell: { interactive: false, pushShell: () => undefined }, exec: async () => ({ exitCode: 0 }),
  } as unknown as CommandContext;
  const subs = [...sharedSubcommands, ...podmanOnlySubcommands];
  const args = ["run", "-d", "registry.access.redhat.com/ubi7/ubi", "sleep", "100000"];
  const cpu = await cpuMedian(() => runEngineCli("podman", subs, args, ctx), 101, 50);
  report("podman run -d, engine only, CPU time", cpu, "ms", "user+sys, median of 101 (no shell parsing)");
}

{
  const N = 1000;
  const host = labHost(2);
  const s = openSession(host);
  for (let i = 0; i < 20; i++) await s.run("podman run -d registry.access.redhat.com/ubi7/ubi sleep 100000");
  gc!();
  gc!();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < N; i++) await s.run("podman run -d registry.access.redhat.com/ubi7/ubi sleep 100000");
  gc!();
  gc!();
  const after = process.memoryUsage().heapUsed;
  report("memory per running container", (after - before) / N / 1024, "KB", `heap delta over ${N} podman run -d, after gc`);

  const times: number[] = [];
  let lines = 0;
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    const r = await s.run("ps -efZ");
    times.push(performance.now() - t0);
    lines = r.stdout.split("\n").length;
  }
  report(`ps -efZ with ${N + 20} running containers`, median(times), "ms", `wall, median of 9, ${lines} lines`);
  const cpu = await cpuMedian(() => s.run("ps -efZ"), 9, 1);
  report(`ps -efZ with ${N + 20} running containers, CPU time`, cpu, "ms", "user+sys, median of 9");
}
