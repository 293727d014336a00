/**
 * The OCI runtime and the container monitor (runc/crun + conmon, or docker's containerd-shim): what turns a
 * container record and its config.json into processes. runc creates the namespaces the spec lists (pid, uts with
 * the 12-hex hostname, ipc, net, mount, cgroup on v2), a mount namespace whose `/` is the overlay `merged` tree with
 * /proc, /dev, /sys, the volumes and the engine's /etc/hosts, /etc/hostname, /etc/resolv.conf on top, joins the
 * container's cgroup, loads the seccomp filter and execs the init with the SELinux process label; conmon (the
 * shim) stays as the init's parent, a child of systemd (pid 1) — or of docker-containerd on RHEL 7.
 *
 * What always holds: a running container has exactly one init task (vpid 1 in its pid namespace) whose parent is
 * its monitor; the init's children die with it (pid_namespaces(7)); the runc processes that set it up have come
 * and gone, which is why the init's pid is ten or so above its monitor's (observed: conmon 23362, init 23373).
 */
import type { Host } from "../host.js";
import { allocPid, exitTask, spawnTask, type Task } from "../kernel/tasks.js";
import { createNamespace, getNamespace, type NsSet } from "../kernel/namespaces.js";
import { createCgroup, removeCgroup } from "../kernel/cgroups.js";
import { readClock } from "../kernel/clock.js";
import { randInt } from "../kernel/rng.js";
import { containerProcessLabel } from "../kernel/selinux-mcs.js";
import { allocInode } from "../fs/inode.js";
import { kernelFs, taskFs } from "../fs/fs-view.js";
import { bindMount, createRootMountNamespace, mountProc, mountTree } from "../fs/namespace.js";
import { addMount, dropMountNamespace } from "../fs/mounts.js";
import { engineState, type Container } from "./container.js";
import type { EngineEra } from "./engines.js";
import { containerDirs, layerPaths, rootfsHas, rootfsMount, upperCreate } from "./storage.js";
import { storageDirIno } from "./storage-tree.js";
import { classifyInit, type InitProgram } from "./entrypoint.js";
import { processEnv } from "./oci-spec.js";
import { applyLabelOpts, containerCaps } from "./security.js";
import { bringLoopbackUp, plugNetwork } from "./network.js";
import { joinedNamespaces, type SharedKind } from "./namespace-modes.js";

/** Label of a container's process when SELinux separation is off for it (`label=disable`). */
const SPC_LABEL = "system_u:system_r:spc_t:s0";
/** /dev inside a container (tmpfs). */
const DEV_LABEL = "system_u:object_r:container_file_t:s0";

/** What the runtime started. */
export interface Started {
  init: Task;
  program: InitProgram;
  /** a oneshot init: the line to run as the init task (the caller runs it and exits the task) */
  oneshot?: string;
}

/** The process label of a container. */
export function processLabelOf(c: Container, selinux: boolean): string {
  if (!selinux) return "-";
  return c.mcsLevel ? applyLabelOpts(containerProcessLabel(c.mcsLevel), c.labelOpts) : SPC_LABEL;
}

/** The monitor's argv (conmon's command line as ps shows it; docker's shim). */
function monitorArgv(era: EngineEra, c: Container): string[] {
  if (era.shimArgv) return era.shimArgv(c.id);
  const { staticDir, runDir } = containerDirs(era, c.id);
  const tmp = era.family === "podman4" ? "/run/libpod" : "/var/run/libpod";
  const exit = (args: string[]) => args.flatMap((a) => ["--exit-command-arg", a]);
  const common = [
    "--exit-dir", `${tmp}/exits`, "--exit-command", "/usr/bin/podman",
    ...exit(["--root", era.graphRoot, "--runroot", era.runRoot, "--log-level", era.family === "podman4" ? "warning" : "error",
      "--cgroup-manager", era.cgroupManager, "--tmpdir", tmp, "--runtime", era.runtimeName, "--storage-driver", "overlay",
      "container", "cleanup", c.id]),
  ];
  if (era.family === "podman4") {
    return [era.monitorPath, "--api-version", "1", "-c", c.id, "-u", c.id, "-r", era.runtimePath, "-b", staticDir,
      "-p", `${runDir}/pidfile`, "-n", c.name, ...common.slice(0, 2), "--full-attach", "-s",
      "-l", `k8s-file:${staticDir}/ctr.log`, "--log-level", "warning", "--runtime-arg", "--log-format=json",
      "--runtime-arg", "--log", `--runtime-arg=${runDir}/oci-log`, ...(c.tty ? ["-t"] : []),
      "--conmon-pidfile", `${runDir}/conmon.pid`, ...common.slice(2)];
  }
  return [era.monitorPath, "-s", "-c", c.id, "-u", c.id, "-n", c.name, "-r", era.runtimePath, "-b", staticDir,
    "-p", `${runDir}/pidfile`, ...common, "--socket-dir-path", `${tmp}/socket`, ...(c.tty ? ["-t"] : []),
    "-l", `k8s-file:${staticDir}/ctr.log`, "--log-level", "error"];
}

/** The next free pty of the host's devpts (docker allocates the console there). */
function hostPts(host: Host): number {
  const used = new Set<number>();
  for (const t of Object.values(host.tasks.byPid)) {
    const m = /^pts\/(\d+)$/.exec(t.tty);
    // podman's containers have their own devpts instance; their pts numbers are not the host's
    const inOwnDevpts = t.containerId !== undefined && engineState(host, "podman").containers[t.containerId] !== undefined;
    if (m && !inOwnDevpts) used.add(Number(m[1]));
  }
  let n = 0;
  while (used.has(n)) n++;
  return n;
}

/** The container's credentials: root with the engine's capability set, after --cap-add/--cap-drop/--privileged. */
function containerCred(era: EngineEra, c: Container) {
  return { uid: 0, gid: 0, groups: [0], caps: containerCaps(era, c) };
}

/** Creates the namespaces and mounts of a container (runc create). */
function createSandbox(host: Host, era: EngineEra, c: Container): NsSet {
  const init = host.namespaces.init;
  const merged = layerPaths(era, c.layerId).merged;
  const image = engineState(host, era.engine).images[c.imageId]!;
  const kfs = kernelFs(host);
  // mount points the spec needs must exist in the rootfs (runc creates them in the upper layer)
  const ensure = (rel: string, file: boolean): void => {
    if (rootfsHas(host, era, c, image, rel)) return;
    if (!upperCreate(host, era, c, image, rel, file)) {
      if (file) kfs.writeFileSync(`${merged}${rel}`, "");
      else kfs.mkdirSync(`${merged}${rel}`, { recursive: true });
    }
  };
  for (const v of c.volumes) ensure(v.destination, kfs.statSync(v.source).type !== "dir");
  for (const f of ["/etc/hosts", "/etc/hostname", "/etc/resolv.conf", ...(era.engine === "podman" ? ["/run/.containerenv"] : [])]) ensure(f, true);
  for (const d of ["/proc", "/dev", "/sys"]) ensure(d, false);

  const short = c.id.slice(0, 12);
  // --network/--pid/--ipc/--uts host or container:NAME join an existing namespace instead (namespace-modes.ts)
  const joined = joinedNamespaces(host, era, c);
  const own = (kind: SharedKind, init: Parameters<typeof createNamespace>[2] = {}) =>
    joined.ns[kind] !== undefined ? getNamespace(host.namespaces, joined.ns[kind]!) : createNamespace(host.namespaces, kind, init);
  const pidns = own("pid");
  const uts = own("uts", { hostname: short });
  const ipc = own("ipc");
  const net = own("net");
  if (joined.ns.net === undefined) {
    if (joined.noNetwork) bringLoopbackUp(host, net.id);
    else plugNetwork(host, era, c, net.id);
  }
  const cgroup = host.cgroups.version === 2 ? createNamespace(host.namespaces, "cgroup").id : init.cgroup;
  const root = rootfsMount(host, era, c);
  const mnt = createRootMountNamespace(host, { fstype: root.fstype, source: root.source, options: root.options, root: root.root, ...(root.context ? { context: root.context } : {}) });
  mountProc(host, mnt, "/proc", pidns.id);
  const now = readClock(host.clock, host.edge.timeSource);
  const dev = allocInode(host.inodes, { type: "dir", mode: 0o755, uid: 0, gid: 0, label: DEV_LABEL, timeMs: now });
  for (const [name, rdev] of [["null", [1, 3]], ["zero", [1, 5]], ["random", [1, 8]], ["urandom", [1, 9]], ["tty", [5, 0]], ["full", [1, 7]]] as const) {
    const node = allocInode(host.inodes, { type: "chr", mode: 0o666, uid: 0, gid: 0, label: DEV_LABEL, timeMs: now, rdev: [rdev[0], rdev[1]] });
    dev.entries!.set(name, node.ino);
  }
  for (const name of ["pts", "shm", "mqueue"]) dev.entries!.set(name, allocInode(host.inodes, { type: "dir", mode: name === "shm" ? 0o1777 : 0o755, uid: 0, gid: 0, label: DEV_LABEL, timeMs: now }).ino);
  mountTree(host, mnt, "/dev", dev.ino, "tmpfs", "tmpfs", ["rw", "nosuid", "size=65536k", "mode=755"], root.context);
  bindMount(host, mnt, { source: "/sys", fromNs: init.mnt, target: "/sys", readOnly: true });
  for (const v of c.volumes) {
    bindMount(host, mnt, { source: v.source, fromNs: init.mnt, target: v.destination, readOnly: v.readonly });
  }
  const { runDir, staticDir } = containerDirs(era, c.id);
  const files: [string, string][] = [[`${runDir}/hosts`, "/etc/hosts"], [`${runDir}/hostname`, "/etc/hostname"], [`${runDir}/resolv.conf`, "/etc/resolv.conf"]];
  if (era.engine === "podman") files.push([`${runDir}/.containerenv`, "/run/.containerenv"]);
  // the first bind shows what the run root's file system is; the others are the same kind of mount of sibling files
  const first = bindMount(host, mnt, { source: files[0]![0], fromNs: init.mnt, target: files[0]![1] });
  const runDirIno = storageDirIno(host, runDir);
  for (const [source, target] of files.slice(1)) {
    const ino = host.inodes.byIno.get(runDirIno)?.entries?.get(source.slice(source.lastIndexOf("/") + 1));
    if (ino === undefined) bindMount(host, mnt, { source, fromNs: init.mnt, target });
    else addMount(host, mnt, { target, fstype: first.fstype, source: first.source, options: first.options, root: { kind: "inode", ino } });
  }
  const shm = bindMount(host, mnt, { source: `${staticDir}/shm`, fromNs: init.mnt, target: "/dev/shm" });
  // podman's /dev/shm is a tmpfs mounted with the container's context=, so the container may write it under SELinux
  if (root.context) shm.context = root.context;
  return { ...init, pid: pidns.id, uts: uts.id, ipc: ipc.id, net: net.id, mnt, cgroup };
}

/** The parent of a new monitor: systemd for conmon, docker-containerd on RHEL 7 for the shim. */
function monitorParent(host: Host, era: EngineEra): number {
  if (!era.shimParentArgv0) return 1;
  for (const t of Object.values(host.tasks.byPid)) if (t.argv[0] === era.shimParentArgv0) return t.pid;
  return 1;
}

/** runc create + start: the monitor and the init process of a container. */
export function startProcesses(host: Host, era: EngineEra, c: Container, selinux: boolean): Started {
  const ns = createSandbox(host, era, c);
  c.ns = { ...ns };
  const limits: Record<string, string> = {};
  const v2 = host.cgroups.version === 2;
  if (c.resources.memory !== undefined) limits[v2 ? "memory.max" : "memory.limit_in_bytes"] = String(c.resources.memory);
  if (c.resources.nanoCpus !== undefined) {
    const quota = Math.round(c.resources.nanoCpus / 10000);
    if (v2) limits["cpu.max"] = `${quota} 100000`;
    else limits["cpu.cfs_quota_us"] = String(quota);
  }
  const pids = c.resources.pidsLimit ?? (era.engine === "podman" ? 2048 : undefined);
  if (pids !== undefined) limits["pids.max"] = String(pids);
  c.oomKilled = false;
  createCgroup(host, era.cgroupOf(c.id), limits);
  if (era.engine === "podman") createCgroup(host, era.monitorCgroupOf(c.id));

  const monitor = spawnTask(host, {
    ppid: monitorParent(host, era), argv: monitorArgv(era, c), tty: "?", label: era.labelMonitor,
    cgroup: era.monitorCgroupOf(c.id), ns: host.namespaces.init, seccomp: null, cwd: "/", rssKiB: 1800, vszKiB: 143800,
  });
  // runc, runc init and the hooks come and go between conmon and the init
  const burn = 6 + randInt(host.rng, 6);
  for (let i = 0; i < burn; i++) allocPid(host, true);

  const program = classifyInit(c.command, { tty: c.tty, stdin: c.interactive });
  const tty = c.tty ? (era.ttyFrom === "container-devpts" ? "pts/0" : `pts/${hostPts(host)}`) : "?";
  if (c.tty) c.pts = Number(tty.slice(4));
  const now = readClock(host.clock, host.edge.timeSource);
  const base = {
    cred: containerCred(era, c), tty, label: processLabelOf(c, selinux), cgroup: era.cgroupOf(c.id), ns,
    containerId: c.id, seccomp: c.seccomp, cwd: "/",
  };
  const spawnInit = (argv: string[], extra: Partial<Parameters<typeof spawnTask>[1]> = {}) =>
    spawnTask(host, { ...base, ppid: monitor.pid, argv, rssKiB: 3200, vszKiB: 12000, ...extra });
  c.monitorPid = monitor.pid;

  let effective = program;
  let init: Task;
  if (program.kind === "conditional") {
    init = spawnInit(program.argv, { state: "S" });
    const holds = testFile(host, init, program.test.op, program.test.path);
    if (!holds) return { init, program, oneshot: "true" };
    effective = program.then;
    if (effective.kind === "oneshot") return { init, program, oneshot: effective.line };
    const child = spawnTask(host, { ...base, ppid: init.pid, argv: effective.argv, cpuPercent: 1, rssKiB: 2100, vszKiB: 58000, noGap: true,
      ...(effective.kind === "timed" ? { exitAt: now + effective.ms, exitStatus: 0 } : {}) });
    if (effective.kind === "timed") {
      init.exitAt = now + effective.ms;
      init.exitStatus = 0;
    }
    void child;
    return { init, program };
  }
  if (program.kind === "oneshot") {
    init = spawnInit(program.argv, { state: "R" });
    return { init, program, oneshot: program.line };
  }
  init = spawnInit(program.argv, {
    state: "S", cpuPercent: program.argv[0]?.endsWith("top") ? 1 : 0,
    ...(program.kind === "timed" ? { exitAt: now + program.ms, exitStatus: 0 } : {}),
  });
  return { init, program };
}

/** `test -f/-e/-d path` as the init sees its file system. */
function testFile(host: Host, task: Task, op: string, path: string): boolean {
  try {
    const st = taskFs(host, task).statSync(path);
    return op === "-e" || (op === "-f" && st.type === "file") || (op === "-d" && st.type === "dir");
  } catch {
    return false;
  }
}

/** The environment of processes in the container, as a map. */
export function containerEnv(c: Container, era: EngineEra): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of processEnv(c, era)) {
    const eq = kv.indexOf("=");
    env[eq < 0 ? kv : kv.slice(0, eq)] = eq < 0 ? "" : kv.slice(eq + 1);
  }
  return env;
}

/** A process started in a running container (podman exec): same namespaces, label, cgroup and filter. */
export function spawnExec(host: Host, era: EngineEra, c: Container, argv: string[], tty: boolean): Task {
  const init = c.pid !== undefined ? host.tasks.byPid[c.pid] : undefined;
  if (!init) throw new Error(`spawnExec: container ${c.id} has no init task`);
  let ttyName = "?";
  if (tty) {
    if (era.ttyFrom === "host-devpts") ttyName = `pts/${hostPts(host)}`;
    else {
      const used = new Set(Object.values(host.tasks.byPid).filter((t) => t.containerId === c.id).map((t) => t.tty));
      let n = 0;
      while (used.has(`pts/${n}`)) n++;
      ttyName = `pts/${n}`;
    }
  }
  return spawnTask(host, {
    ppid: c.monitorPid ?? init.pid, argv, cred: { ...init.cred, caps: [...init.cred.caps] }, tty: ttyName, label: init.label,
    cgroup: init.cgroup, ns: init.ns, containerId: c.id, seccomp: init.seccomp ?? null, cwd: "/", rssKiB: 3400, vszKiB: 11800,
  });
}

/** Tears down what a stopped container leaves: its monitor, cgroups, mount namespace. */
export function teardown(host: Host, era: EngineEra, c: Container): void {
  // conmon/containerd learn of an OOM kill from the cgroup's memory.events before the cgroup goes
  if ((host.cgroups.groups[era.cgroupOf(c.id)]?.events?.oom_kill ?? 0) > 0) c.oomKilled = true;
  if (c.monitorPid !== undefined && host.tasks.byPid[c.monitorPid]) exitTask(host, c.monitorPid, 0);
  for (const t of Object.values(host.tasks.byPid)) if (t.containerId === c.id) exitTask(host, t.pid, 137);
  removeCgroup(host, era.cgroupOf(c.id));
  if (era.engine === "podman") removeCgroup(host, era.monitorCgroupOf(c.id));
  if (c.ns?.mnt !== undefined) dropMountNamespace(host, c.ns.mnt);
  delete c.ns;
  delete c.pid;
  delete c.monitorPid;
}
