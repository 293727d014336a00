// Confinement on the built-in host: what the kernel's security decisions cost. Each figure compares the same work
// with the decision and without it (SELinux: a host booted as with selinux=0, `host.selinux.enabled = false`).
// Shared by the SELinux/capabilities and the seccomp/cgroups work; each adds its own figures below.
import { createHost, openSession, type Host } from "../engine/index.js";
import { installContainers } from "../engine/containers/index.js";
import { kernelFs, taskFs } from "../engine/fs/fs-view.js";
import { SEED_COMMANDS } from "../test/engine/seed-notes.commands.js";
import { median, report } from "./measure.js";
import { decideSyscall, type SeccompFilter } from "../engine/kernel/seccomp.js";
import { defaultSeccompFilter } from "../engine/containers/seccomp-defaults.js";

// ---- SELinux: the access decision (kernel/avc.ts, kernel/selinux-policy.ts, fs/inode-security.ts) ----

function labHost(seed: number, selinux: boolean): Host {
  const host = createHost({ seed, profile: "rhel7" });
  installContainers(host);
  if (!selinux) host.selinux.enabled = false;
  const fs = kernelFs(host);
  fs.mkdirSync("/root/labs/lab3-step5", { recursive: true });
  fs.writeFileSync("/root/labs/lab3-step5/chmod.json", '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"name":"fchmodat","action":"SCMP_ACT_ERRNO"}]}');
  return host;
}

/** CPU time (user + system, ms) of the seed notes' 32 commands on a freshly booted host (boot not counted). */
async function seedCpu(selinux: boolean): Promise<number> {
  const host = labHost(7, selinux);
  const s = openSession(host);
  const c0 = process.cpuUsage();
  for (const line of SEED_COMMANDS) await s.run(line);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** CPU time of `lines` run by a shell inside a running container (every file call of container_t is decided). */
async function insideCpu(selinux: boolean, lines: string[], rounds: number): Promise<number> {
  const host = createHost({ seed: 3, profile: "rhel9" });
  if (!selinux) host.selinux.enabled = false;
  const s = openSession(host);
  await s.run("podman run -d --name c registry.access.redhat.com/ubi9/ubi sleep 100000");
  await s.run("podman exec -it c bash");
  for (const l of lines) await s.run(l); // warm the AVC cache and the JIT
  const c0 = process.cpuUsage();
  for (let i = 0; i < rounds; i++) for (const l of lines) await s.run(l);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / rounds;
}

// interleave the two variants so that load on a shared machine hits both alike
for (let i = 0; i < 3; i++) {
  await seedCpu(true);
  await seedCpu(false);
}
const on: number[] = [];
const off: number[] = [];
for (let i = 0; i < 11; i++) {
  on.push(await seedCpu(true));
  off.push(await seedCpu(false));
}
const seedOn = median(on);
const seedOff = median(off);
report("selinux: seed notes, 32 commands, without the decision (CPU)", seedOff, "ms");
report("selinux: seed notes, 32 commands, with the decision (CPU)", seedOn, "ms");
report("selinux: decision's share of the seed sequence", ((seedOn - seedOff) / seedOff) * 100, "%", "aim < 10 %");

const inside = ["ls -alZ /usr/bin", "cat /etc/os-release /etc/hosts", "touch /tmp/x", "ls /proc"];
const insideOn: number[] = [];
const insideOff: number[] = [];
for (let i = 0; i < 7; i++) {
  insideOff.push(await insideCpu(false, inside, 40));
  insideOn.push(await insideCpu(true, inside, 40));
}
const inOff = median(insideOff);
const inOn = median(insideOn);
report("selinux: 4 commands in a container (ls -alZ /usr/bin …), without the decision (CPU)", inOff, "ms");
report("selinux: the same, with the decision (CPU)", inOn, "ms");
report("selinux: decision's share inside a container", ((inOn - inOff) / inOff) * 100, "%", "every file call of container_t decided");

/** Wall time (ms) of `n` reads of a file through a container process' view: the gate, the lookup, the AVC. */
async function readsMs(selinux: boolean, n: number): Promise<number> {
  const host = createHost({ seed: 5, profile: "rhel9" });
  if (!selinux) host.selinux.enabled = false;
  await openSession(host).run("podman run -d --name r registry.access.redhat.com/ubi9/ubi sleep 100000");
  const init = Object.values(host.tasks.byPid).find((t) => t.containerId && t.argv[0] === "sleep")!;
  const fs = taskFs(host, init);
  for (let i = 0; i < 200; i++) fs.readFileSync("/etc/os-release");
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fs.readFileSync("/etc/os-release");
  return performance.now() - t0;
}
const readsOn: number[] = [];
const readsOff: number[] = [];
for (let i = 0; i < 7; i++) {
  readsOff.push(await readsMs(false, 10_000));
  readsOn.push(await readsMs(true, 10_000));
}
report("selinux: one open+read by container_t, without the decision", (median(readsOff) / 10_000) * 1000, "µs");
report("selinux: one open+read by container_t, with the decision (object lookup + cached AVC)", (median(readsOn) / 10_000) * 1000, "µs");

// ---- seccomp: the filter on every system call (kernel/seccomp.ts, containers/seccomp-defaults.ts) ----
// "Without" keeps the gate and a filter on every container task but gives the engines' default profiles no rules
// (allow everything), so the difference is what evaluating the real profiles costs on the seed sequence. The lab's
// own chmod.json stays in both, so chmod is denied in both runs and the commands print the same.

const TRIVIAL: SeccompFilter = { source: "bench: allow all", defaultAction: "SCMP_ACT_ALLOW", rules: [] };

/**
 * CPU time of the seed notes' commands; `rules` false: the default profiles are empty. Both variants have their
 * profiles built before the clock starts (an engine reads its profile once; building ours from the table is not
 * what is measured here).
 */
async function seedSeccompCpu(rules: boolean): Promise<number> {
  const host = labHost(7, true);
  for (const engine of ["podman", "docker"] as const) host.caches.set(`seccomp-default:${engine}`, rules ? defaultSeccompFilter(engine) : TRIVIAL);
  const s = openSession(host);
  const c0 = process.cpuUsage();
  for (const line of SEED_COMMANDS) await s.run(line);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}
for (let i = 0; i < 3; i++) {
  await seedSeccompCpu(true);
  await seedSeccompCpu(false);
}
const scOn: number[] = [];
const scOff: number[] = [];
for (let i = 0; i < 11; i++) {
  scOn.push(await seedSeccompCpu(true));
  scOff.push(await seedSeccompCpu(false));
}
report("seccomp: seed notes, 32 commands, default profiles without rules (CPU)", median(scOff), "ms");
report("seccomp: seed notes, 32 commands, the real default profiles (CPU)", median(scOn), "ms");
report("seccomp: real profiles' share of the seed sequence (decisions + their config.json section)", ((median(scOn) - median(scOff)) / median(scOff)) * 100, "%", "aim < 10 %");

/** How many decisions the filters make during the seed sequence (a Proxy counts the rule-list reads). */
async function seedDecisions(): Promise<number> {
  const host = labHost(7, true);
  let n = 0;
  for (const engine of ["podman", "docker"] as const) {
    const f = defaultSeccompFilter(engine);
    host.caches.set(`seccomp-default:${engine}`, new Proxy(f, { get: (t, k) => (k === "rules" && n++, t[k as keyof SeccompFilter]) }));
  }
  const s = openSession(host);
  for (const line of SEED_COMMANDS) await s.run(line);
  return n;
}
const decisions = await seedDecisions();
report("seccomp: decisions by the default profiles during the seed sequence", decisions, "calls", "includes one read per container for its config.json");

/** Median µs of one decision of the podman default profile for a call near the end of its allow list. */
{
  const filter = defaultSeccompFilter("podman");
  const caps = new Set(["CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER"]);
  const calls = ["openat", "newfstatat", "write", "mkdirat", "unshare", "tuxcall"];
  for (let i = 0; i < 20_000; i++) decideSyscall(filter, { name: calls[i % calls.length]! }, caps);
  const xs: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let i = 0; i < 60_000; i++) decideSyscall(filter, { name: calls[i % calls.length]! }, caps);
    xs.push(((performance.now() - t0) / 60_000) * 1000);
  }
  report("seccomp: one decision under podman's default profile", median(xs), "µs", calls.join(" "));
  report("seccomp: evaluation's share of the seed sequence (decisions × cost of one)", ((decisions * median(xs)) / 1000 / median(scOn)) * 100, "%", "aim < 10 %");
}

// ---- cgroups: how much host time a fork bomb in a container takes to be contained (kernel/pids.ts, shell/jobs.ts) ----

/** Wall ms of one line run in a session after `setup`, on a fresh rhel9 host. */
async function lineMs(setup: string[], line: string): Promise<{ ms: number; out: string }> {
  const host = createHost({ seed: 11, profile: "rhel9" });
  const s = openSession(host);
  for (const l of setup) await s.run(l);
  const t0 = performance.now();
  const r = await s.run(line);
  return { ms: performance.now() - t0, out: r.stderr };
}
const UBI9 = "registry.access.redhat.com/ubi9/ubi";
const BOMB = "podman exec bomb bash -c ':(){ :|:& };:'";
for (const [label, limit] of [["--pids-limit 50", "--pids-limit 50 "], ["podman's default pids.max 2048", ""]] as const) {
  const setup = [`podman run -d --name bomb ${limit}${UBI9} sleep infinity`];
  for (let i = 0; i < 2; i++) await lineMs(setup, BOMB);
  const xs: number[] = [];
  for (let i = 0; i < 7; i++) xs.push((await lineMs(setup, BOMB)).ms);
  report(`cgroups: fork bomb in a container contained (${label})`, median(xs), "ms", "aim < 100 ms; wall, whole podman exec line");
}
{
  const setup = [`podman run -d --name loop --pids-limit 20 ${UBI9} sleep infinity`];
  const line = "podman exec loop bash -c 'for i in $(seq 1 1000); do sleep 1000 & done'";
  for (let i = 0; i < 2; i++) await lineMs(setup, line);
  const xs: number[] = [];
  for (let i = 0; i < 7; i++) xs.push((await lineMs(setup, line)).ms);
  report("cgroups: loop of 1000 background sleeps stopped at pids.max 20", median(xs), "ms", "wall, whole podman exec line");
}
