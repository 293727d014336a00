/**
 * The host: one simulated Linux container host, the machine a lab runs on. Like a real kernel it groups its
 * state by subsystem — clock, random source, task table, namespaces, cgroups, inodes, mount tables — and, like
 * xv6, nothing lives outside it: many hosts can run side by side (tests, browser tabs). All of that state is plain
 * data, so `snapshot()` is a structured clone and `restore()` puts it back; functions (commands, listeners, the
 * wall-clock source) sit beside the state and are not part of a snapshot.
 *
 * Boot (createHost) lays out the root file system from the host profile, mounts it, and starts the profile's
 * boot processes with believable pids: systemd as 1, kernel threads, daemons, the student's login `-bash` on
 * pts/0 — a few thousand pids later, as on a host that has been up for a while.
 */
import { type ProfileName, type HostProfile, profiles, DEFAULT_PROFILE } from "./profiles/index.js";
import { type ClockState, type TimeSource, createClock } from "./kernel/clock.js";
import { type RngState, createRng, seedFrom } from "./kernel/rng.js";
import { type TaskTable, type Task, createTaskTable, spawnTask } from "./kernel/tasks.js";
import { type NamespaceTable, createNamespaceTable } from "./kernel/namespaces.js";
import { type CgroupTree, createCgroupTree } from "./kernel/cgroups.js";
import { rootCred, ALL_CAPS } from "./kernel/credentials.js";
import { kernelCapabilities } from "./kernel/capabilities.js";
import { type SelinuxState, createSelinuxState } from "./kernel/avc.js";
import { type AuditState, createAuditState, startAuditd } from "./kernel/audit.js";
import { type KernelLog, createKernelLog } from "./kernel/printk.js";
import { type InodeTable, createInodeTable } from "./fs/inode.js";
import { type MountTables, createMountTables } from "./fs/mounts.js";
import { buildRootFs } from "./fs/rootfs.js";
import { kernelFs } from "./fs/fs-view.js";
import { defaultFileLabel } from "./kernel/selinux.js";
import type { UserCommand } from "./userland/command.js";
import { userlandCommands } from "./userland/index.js";
import { installContainers } from "./containers/index.js";

export interface HostOptions {
  /** fixes ids, MCS pairs, pids and times; without it the host looks alive (random) */
  seed?: number;
  /** which RHEL the host is; default rhel9 */
  profile?: ProfileName;
  /** interactive hosts follow the wall clock (timeSource); scripted ones advance a fixed step per command */
  interactive?: boolean;
  /** the wall clock, injected at the edge; defaults to Date.now */
  timeSource?: TimeSource;
  /** interactive only: really wait (a terminal's `sleep 10` takes ten seconds); resolves early when aborted */
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** realtime at which the lab starts (ms since the epoch); seeded hosts default to a fixed date */
  startMs?: number;
}

/** Called after a task has exited (the containers engine marks a container Exited when its init ends). */
export type TaskExitListener = (host: Host, task: Task, status: number) => void;

/** The state of a host: plain data, everything a snapshot carries. */
export interface HostState {
  profileName: ProfileName;
  clock: ClockState;
  rng: RngState;
  tasks: TaskTable;
  namespaces: NamespaceTable;
  cgroups: CgroupTree;
  inodes: InodeTable;
  mounts: MountTables;
  /** the student's login shell (the session's first shell attaches here) */
  loginPid: number;
  /** state of the container engines, one key per engine ("podman", "docker", "registry" …); plain data only */
  engines: Record<string, unknown>;
  /** SELinux's enforcing switch (kernel/avc.ts) */
  selinux: SelinuxState;
  /** the audit subsystem's serial numbers (kernel/audit.ts) */
  audit: AuditState;
  /** the kernel's message ring buffer (kernel/printk.ts; dmesg) */
  kmsg: KernelLog;
}

/** A structured clone of a HostState. */
export type HostSnapshot = HostState;

export interface Host extends HostState {
  /** the profile's data (follows profileName) */
  readonly profile: HostProfile;
  /** what the engine may use from outside: the wall clock and a real wait (interactive only) */
  edge: { timeSource?: TimeSource; wait?: (ms: number, signal?: AbortSignal) => Promise<void> };
  /** listeners; not state */
  hooks: { taskExit: TaskExitListener[] };
  /** the commands installed on the host, by name (userland, then engines such as podman/docker) */
  commands: Map<string, UserCommand>;
  /** caches derived from state; dropped on restore */
  caches: Map<string, unknown>;
  /** a copy of all state */
  snapshot(): HostSnapshot;
  /** puts a snapshot back (the snapshot stays usable for another restore) */
  restore(snap: HostSnapshot): void;
}

/** The date seeded hosts start at: the day the seed notes were captured (Mar 26, 13:00 UTC). */
export const SEEDED_START_MS = Date.UTC(2026, 2, 26, 13, 0, 0);

const STATE_KEYS = ["profileName", "clock", "rng", "tasks", "namespaces", "cgroups", "inodes", "mounts", "loginPid", "engines", "selinux", "audit", "kmsg"] as const;

/** Boots a host. */
export function createHost(options: HostOptions = {}): Host {
  const profileName = options.profile ?? DEFAULT_PROFILE;
  const profile = profiles[profileName];
  if (!profile) throw new Error(`createHost: unknown profile "${String(options.profile)}", expected rhel7 or rhel9`);
  const timeSource = options.timeSource ?? (() => Date.now());
  const seed = options.seed ?? seedFrom(randomEntropy());
  const startMs = options.startMs ?? (options.seed !== undefined ? SEEDED_START_MS : Math.floor(timeSource() / 1000) * 1000);
  const interactive = options.interactive ?? false;

  const state: HostState = {
    profileName,
    clock: createClock(startMs, profile.uptimeSeconds * 1000, interactive ? "wall" : "virtual"),
    rng: createRng(seed),
    tasks: createTaskTable(profile.cgroupVersion === 1 ? 32768 : 4194304),
    namespaces: createNamespaceTable(profile.hostname, profile.kernelRelease),
    cgroups: createCgroupTree(profile.cgroupVersion),
    inodes: createInodeTable(),
    mounts: createMountTables(),
    loginPid: 0,
    engines: {},
    selinux: createSelinuxState(),
    audit: createAuditState(),
    kmsg: createKernelLog(profile),
  };
  if (interactive) state.clock.offsetMs = startMs - timeSource();

  const host: Host = Object.assign(state, {
    edge: { timeSource: interactive ? timeSource : undefined, wait: interactive ? options.wait : undefined },
    hooks: { taskExit: [] as TaskExitListener[] },
    commands: new Map<string, UserCommand>(),
    caches: new Map<string, unknown>(),
    snapshot(): HostSnapshot {
      const s = {} as Record<string, unknown>;
      for (const k of STATE_KEYS) s[k] = host[k];
      return structuredClone(s) as unknown as HostSnapshot;
    },
    restore(snap: HostSnapshot): void {
      const copy = structuredClone(snap) as unknown as Record<string, unknown>;
      for (const k of STATE_KEYS) (host as unknown as Record<string, unknown>)[k] = copy[k];
      host.caches.clear();
    },
  }) as Host;
  Object.defineProperty(host, "profile", { get: (): HostProfile => profiles[host.profileName], enumerable: false });

  for (const cmd of userlandCommands) installCommand(host, cmd);
  buildRootFs(host);
  bootProcesses(host);
  startAuditd(host);
  // the container engines (podman, docker and their storage) as installed on the profile's host
  installContainers(host);
  installBinaries(host);
  return host;
}

/** Installs a command on the host (a later install of the same name replaces the earlier one). */
export function installCommand(host: Host, cmd: UserCommand): void {
  host.commands.set(cmd.name, cmd);
}

/** Gives every installed command its file in /usr/bin: the shell finds programs through PATH only. */
function installBinaries(host: Host): void {
  const fs = kernelFs(host);
  const installedMs = host.clock.bootMs - 41 * 86_400_000;
  for (const name of host.commands.keys()) {
    const path = `/usr/bin/${name}`;
    if (fs.existsSync(path)) continue;
    fs.createSync(path, { type: "file", mode: 0o755, data: `\x7fELF ${name}\n`, label: defaultFileLabel(path) });
    fs.utimesSync(path, installedMs, installedMs);
  }
}

/** Subscribes to task exits. */
export function onTaskExit(host: Host, listener: TaskExitListener): void {
  host.hooks.taskExit.push(listener);
}

/** Starts the profile's boot processes; pids of later ones jump ahead as on a host up for hours. */
function bootProcesses(host: Host): void {
  const boot = host.profile.boot;
  const pids: number[] = [];
  const startMs = host.clock.bootMs;
  let nextPid = 1;
  boot.forEach((p, i) => {
    const account = host.profile.accounts.find((a) => a.name === p.user) ?? host.profile.accounts[0];
    // root holds every capability this kernel has (CapEff 0000001fffffffff on RHEL 7, 000001ffffffffff on RHEL 9)
    const cred = { ...rootCred(), caps: kernelCapabilities(ALL_CAPS, host.profileName) };
    if (account.uid !== 0) Object.assign(cred, { uid: account.uid, gid: account.gid, groups: [account.gid], caps: [] });
    if (i >= 2 && !p.kthread) nextPid = Math.max(nextPid, Math.round((host.profile.pidsAfterBoot * i) / boot.length / 3));
    if (p.loginShell) nextPid = Math.max(nextPid, host.profile.pidsAfterBoot - 20);
    const ppid = p.parent < 0 ? 0 : pids[p.parent];
    const t = spawnTask(host, {
      pid: nextPid, ppid, argv: p.argv, cred, tty: p.tty, label: p.label, cgroup: p.cgroup, kthread: p.kthread,
      cwd: "/", ns: host.namespaces.init, rssKiB: p.kthread ? 0 : 4000, vszKiB: p.kthread ? 0 : 120000,
    });
    // boot processes started within the first seconds after boot; the login a few minutes before the lab
    t.startMs = p.loginShell || p.argv[0] === "sshd:" ? host.clock.nowMs - 5 * 60_000 : startMs + 1000 + i * 250;
    if (p.loginShell) {
      t.cwd = "/root";
      host.loginPid = t.pid;
    }
    pids.push(t.pid);
    nextPid = t.pid + 1;
  });
  host.tasks.lastPid = Math.max(host.tasks.lastPid, host.profile.pidsAfterBoot);
}

/** Entropy for unseeded hosts: the platform's CSPRNG (browser and Node both have globalThis.crypto). */
function randomEntropy(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0];
}
