// Confinement on the built-in host: what the kernel's security decisions cost. Each figure compares the same work
// with the decision and without it (SELinux: a host booted as with selinux=0, `host.selinux.enabled = false`).
// Shared by the SELinux/capabilities and the seccomp/cgroups work; each adds its own figures below.
import { createHost, openSession, type Host } from "../engine/index.js";
import { installContainers } from "../engine/containers/index.js";
import { kernelFs, taskFs } from "../engine/fs/fs-view.js";
import { SEED_COMMANDS } from "../test/engine/seed-notes.commands.js";
import { median, report } from "./measure.js";

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
