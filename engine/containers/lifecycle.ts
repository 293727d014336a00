/**
 * The container lifecycle both engines implement (libpod's Container.Init/Start/Stop/Kill/Cleanup/Remove, docker's
 * daemon): create lays out storage and picks the MCS pair; start mounts the rootfs, relabels volumes, writes
 * config.json and asks the runtime for the processes; when the init exits — by itself, by a signal or because its
 * pid namespace went — the container is Exited with that status and cleaned up (monitor gone, rootfs unmounted
 * unless `podman mount` holds it); rm frees its storage and its MCS pair.
 *
 * Exit statuses as a shell reports them: 0, the program's own code, or 128+signal (137 after SIGKILL, 143 after
 * an honoured SIGTERM). `stop` sends SIGTERM and, if the init ignores it (a shell or `sleep` as pid 1 has no
 * handler), SIGKILL after the stop timeout (10 s), which a lab sees as "Exited (137)".
 */
import type { Host } from "../host.js";
import { advanceClock, readClock } from "../kernel/clock.js";
import { exitTask, reapTasks, type Task } from "../kernel/tasks.js";
import { randHex, randInt } from "../kernel/rng.js";
import { allocMcs, releaseMcs } from "../kernel/selinux-mcs.js";
import type { SeccompFilter } from "../kernel/seccomp.js";
import { runInTask } from "../shell/run-in-task.js";
import type { ShellControl } from "../userland/command.js";
import { engineState, mcsTable, type Container, type LocalImage, type Resources, type VolumeMount } from "./container.js";
import { engineEra, type EngineEra } from "./engines.js";
import { randomContainerName } from "./names.js";
import { ociSpecText } from "./oci-spec.js";
import {
  cleanupRunFiles, containerDirs, createContainerStorage, layerPaths, mountRootfs, randomLinkName,
  removeContainerStorage, unmountRootfs, writePidFiles, writeStartFiles,
} from "./storage.js";
import { containerEnv, startProcesses, teardown } from "./runtime.js";
import { relabelVolumes } from "./volumes.js";
import { labelDisabled } from "./security.js";
import { catalogueEntry } from "./images/store.js";
import type { InitProgram } from "./entrypoint.js";

/** Signal numbers the engines send. */
export const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15, STOP: 19 };

/** What `create` was asked for. */
export interface CreateRequest {
  image: LocalImage;
  imageGiven: string;
  /** words after the image (replace the image's Cmd) */
  args: string[];
  name?: string;
  tty: boolean;
  interactive: boolean;
  volumes: VolumeMount[];
  env: string[];
  autoRemove: boolean;
  seccomp: SeccompFilter | null;
  seccompProfile: string;
  labelOpts: string[];
  resources: Resources;
  createCommand: string[];
  /** --cap-add / --cap-drop (normalised), --privileged (engine/containers/security.ts) */
  capAdd?: string[];
  capDrop?: string[];
  privileged?: boolean;
  /** --entrypoint, when given ("" clears the image's) */
  entrypoint?: string;
}

/** Whether the host labels containers (both profiles run SELinux enforcing). */
export function selinuxEnabled(host: Host): boolean {
  const p = host.profile as { selinux?: string };
  return p.selinux === undefined || p.selinux !== "disabled";
}

/** Creates a container (storage, name, MCS pair); the caller has checked the name is free. */
export function createContainer(host: Host, era: EngineEra, req: CreateRequest): Container {
  const state = engineState(host, era.engine);
  const entry = catalogueEntry(req.image);
  const now = readClock(host.clock, host.edge.timeSource);
  const id = randHex(host.rng, 64);
  let names: Set<string> | undefined;
  const name = req.name ?? randomContainerName(host.rng, (n) => (names ??= new Set(Object.values(state.containers).map((c) => c.name))).has(n));
  let mcsLevel = "";
  const level = req.labelOpts.find((o) => o.startsWith("level:"));
  if (selinuxEnabled(host) && !labelDisabled(req.labelOpts, req.privileged)) {
    mcsLevel = level ? level.slice("level:".length) : allocMcs(mcsTable(host), (n) => randInt(host.rng, n));
  }
  const ipN = state.nextIp++;
  const c: Container = {
    id, name, engine: era.engine,
    image: req.image.names[0]!, imageGiven: req.imageGiven, imageId: req.image.id,
    // --entrypoint replaces the image's entrypoint and drops its Cmd (podman-run(1), docker-run(1))
    command: req.entrypoint !== undefined
      ? [...(req.entrypoint === "" ? [] : [req.entrypoint]), ...req.args]
      : [...entry.entrypoint, ...(req.args.length > 0 ? req.args : entry.cmd)],
    createCommand: req.createCommand,
    env: [...entry.env, ...req.env],
    createdMs: now, status: "created", exitCode: 0,
    tty: req.tty, interactive: req.interactive, volumes: req.volumes, resources: req.resources,
    mcsLevel, labelOpts: req.labelOpts, seccomp: req.seccomp, seccompProfile: req.seccompProfile,
    ...(req.capAdd?.length ? { capAdd: req.capAdd } : {}), ...(req.capDrop?.length ? { capDrop: req.capDrop } : {}),
    ...(req.privileged ? { privileged: true } : {}),
    layerId: randHex(host.rng, 64), layerLink: randomLinkName(host), mountCount: 0, autoRemove: req.autoRemove,
    log: "",
    netnsPath: era.engine === "podman" && era.family === "podman4" ? `/run/netns/netns-${uuid(host)}` : "",
    ip: era.engine === "podman" ? `10.88.0.${ipN}` : `172.17.0.${ipN}`,
    mac: macAddress(host),
    execIds: [],
  };
  state.containers[id] = c;
  state.order.push(id);
  createContainerStorage(host, era, c, req.image);
  return c;
}

function uuid(host: Host): string {
  const h = randHex(host.rng, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function macAddress(host: Host): string {
  const h = randHex(host.rng, 12);
  // locally administered, unicast
  const first = ((parseInt(h.slice(0, 2), 16) & 0xfc) | 0x02).toString(16).padStart(2, "0");
  return [first, ...h.slice(2).match(/../g)!].join(":");
}

/** What starting produced. */
export interface StartOutcome {
  /** the init's program */
  program: InitProgram;
  /** the init task, while it runs */
  init?: Task;
  /** output of a init that ran to completion at once */
  output?: { stdout: string; stderr: string; output: { stream: "stdout" | "stderr"; text: string }[]; exitCode: number };
}

/** Starts a created or exited container (podman start, the second half of run). */
export async function startContainer(host: Host, era: EngineEra, c: Container, opts: { control?: ShellControl } = {}): Promise<StartOutcome> {
  const state = engineState(host, era.engine);
  const image = state.images[c.imageId];
  if (!image) throw new Error(`startContainer: image ${c.imageId} of container ${c.id} is gone`);
  const selinux = selinuxEnabled(host);
  mountRootfs(host, era, c, image, selinux);
  if (selinux) relabelVolumes(host, c);
  const { staticDir, runDir } = containerDirs(era, c.id);
  const createdIso = isoNanos(c.createdMs, subMsOf(c).created);
  let texts = host.caches.get("containers:seccomp-json") as WeakMap<object, string> | undefined;
  if (!texts) host.caches.set("containers:seccomp-json", (texts = new WeakMap()));
  const config = ociSpecText(c, {
    era, rootPath: layerPaths(era, c.layerId).merged, runDir, staticDir, cgroupVersion: host.cgroups.version, selinux, createdIso,
  }, texts);
  writeStartFiles(host, era, c, config);
  const started = startProcesses(host, era, c, selinux);
  c.pid = started.init.pid;
  c.status = "running";
  c.startedMs = readClock(host.clock, host.edge.timeSource);
  c.exitCode = 0;
  delete c.finishedMs;
  writePidFiles(host, era, c);
  if (started.oneshot === undefined) return { program: started.program, init: started.init };
  const result = started.oneshot === "true"
    ? { stdout: "", stderr: "", output: [], exitCode: 0 }
    : await runInTask(host, started.init, started.oneshot, { cwd: "/", env: containerEnv(c, era), control: opts.control });
  c.log += result.output.map((o) => o.text).join("");
  if (host.tasks.byPid[started.init.pid]) exitTask(host, started.init.pid, result.exitCode);
  return { program: started.program, output: result };
}

/**
 * ISO time with nanoseconds as Go prints it (2026-03-26T13:00:04.360341653Z). The clock keeps milliseconds; the
 * digits below them (`subMs`, 0..999999 ns) come from the container id, so they look like a real clock's and never
 * change between runs.
 */
export function isoNanos(ms: number, subMs = 0): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, `.$1${String(subMs).padStart(6, "0")}Z`);
}

/** The sub-millisecond digits of a container's created, started and finished times (each after the one before). */
export function subMsOf(c: Container): { created: number; started: number; finished: number } {
  const h = (i: number) => parseInt(c.id.slice(i, i + 8), 16);
  const created = h(0) % 500_000;
  const started = c.startedMs === c.createdMs ? created + 1 + (h(8) % (999_998 - created)) : h(8) % 1_000_000;
  const finished = c.finishedMs === c.startedMs ? Math.min(999_999, started + 1 + (h(16) % 1000)) : h(16) % 1_000_000;
  return { created, started, finished };
}

/** Called for every task exit: an init that ended makes its container Exited. */
export function onInitExit(host: Host, task: Task, status: number): void {
  if (!task.containerId) return;
  for (const engine of ["podman", "docker"] as const) {
    const state = host.engines[engine] as ReturnType<typeof engineState> | undefined;
    const c = state?.containers[task.containerId];
    if (!c || c.pid !== task.pid) continue;
    c.status = "exited";
    c.exitCode = status;
    // an init that ended on its own (sleep 10) ended at its time, even if the table is only looked at later
    const now = readClock(host.clock, host.edge.timeSource);
    c.finishedMs = task.exitAt !== undefined && task.exitAt <= now ? task.exitAt : now;
    const era = engineEra(host, engine);
    teardown(host, era, c);
    cleanupRunFiles(host, era, c);
    if (c.mountCount === 0) unmountRootfs(host, era, c);
    if (c.autoRemove) removeContainer(host, era, c);
  }
}

/** Sends a signal to a container's init (podman kill). */
export function killContainer(host: Host, c: Container, signal: number): void {
  reapTasks(host);
  if (c.status !== "running" || c.pid === undefined) return;
  exitTask(host, c.pid, 128 + signal);
}

/** podman stop: SIGTERM, then SIGKILL after `timeoutS` if the init ignores it. Returns whether it had to kill. */
export function stopContainer(host: Host, c: Container, ignoresTerm: boolean, timeoutS: number, termStatus = 128 + SIGNALS.TERM!): boolean {
  reapTasks(host);
  if (c.status !== "running" || c.pid === undefined) return false;
  if (!ignoresTerm) {
    exitTask(host, c.pid, termStatus);
    return false;
  }
  advanceClock(host.clock, timeoutS * 1000);
  reapTasks(host);
  if (c.status === "running" && c.pid !== undefined) exitTask(host, c.pid, 128 + SIGNALS.KILL!);
  return true;
}

/** Deletes a container that is not running (rm); frees its MCS pair. */
export function removeContainer(host: Host, era: EngineEra, c: Container): void {
  const state = engineState(host, era.engine);
  if (c.status === "running") teardown(host, era, c);
  removeContainerStorage(host, era, c);
  if (c.mcsLevel) releaseMcs(mcsTable(host), c.mcsLevel);
  delete state.containers[c.id];
  state.order = state.order.filter((id) => id !== c.id);
}
