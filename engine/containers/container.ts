/**
 * A container as the engines keep it (libpod's container config + state, docker's container record): everything
 * `ps`, `inspect` and `config.json` print comes from this record, and it is plain data kept in the host, so a
 * snapshot carries it. Both engines share the record; what differs between them lives in `EngineEra`.
 *
 * Lifecycle (podman's states, docker's are the same less "configured"): created → running → exited, and back to
 * running on `start`; `rm` deletes it. While it runs it has a monitor process (conmon or containerd-shim) and an
 * init process (the image's command) on the host's task table. Its MCS level is chosen at create and kept until
 * `rm`, so it never changes across restarts (containers/storage reserves it with the container's layer).
 */
import type { Host } from "../host.js";
import type { SeccompFilter } from "../kernel/seccomp.js";
import { createMcsTable, type McsTable } from "../kernel/selinux-mcs.js";
import type { EngineName } from "./engines.js";

/** A volume (`-v src:dst[:opts]`). */
export interface VolumeMount {
  source: string;
  destination: string;
  readonly: boolean;
  /** SELinux relabel asked for: "Z" private, "z" shared */
  relabel?: "z" | "Z";
  /** options as written in config.json: rw/ro, rprivate, rbind */
  options: string[];
}

/** Resource limits given on the command line. */
export interface Resources {
  /** --memory, bytes */
  memory?: number;
  /** --cpus × 1e9 */
  nanoCpus?: number;
  /** --pids-limit */
  pidsLimit?: number;
}

export type ContainerStatus = "created" | "running" | "exited";

/** One container. Plain data. */
export interface Container {
  /** 64 lowercase hex */
  id: string;
  name: string;
  engine: EngineName;
  /** fully qualified image name with tag, e.g. registry.access.redhat.com/ubi7/ubi:latest */
  image: string;
  /** the image as the user typed it (docker ps shows this) */
  imageGiven: string;
  /** image id (64 hex) */
  imageId: string;
  /** Path + Args: what runs as the container's init */
  command: string[];
  /** the command line that created it (inspect Config.CreateCommand) */
  createCommand: string[];
  env: string[];
  /** ms since the epoch */
  createdMs: number;
  startedMs?: number;
  finishedMs?: number;
  status: ContainerStatus;
  exitCode: number;
  /** host pid of the init process while running */
  pid?: number;
  /** host pid of conmon / the shim while running */
  monitorPid?: number;
  tty: boolean;
  interactive: boolean;
  volumes: VolumeMount[];
  resources: Resources;
  /** `s0:cA,cB`; "" when SELinux labelling is disabled for it */
  mcsLevel: string;
  /** --security-opt label=… as given */
  labelOpts: string[];
  /** --cap-add / --cap-drop, normalised (CAP_… or ALL); --privileged (engine/containers/security.ts) */
  capAdd?: string[];
  capDrop?: string[];
  privileged?: boolean;
  /** the filter its processes get; null = unconfined */
  seccomp: SeccompFilter | null;
  /** seccomp profile path as given (`--security-opt seccomp=…`), "unconfined", or "" for the default */
  seccompProfile: string;
  /** the copy-on-write layer's storage id (64 hex): overlay/<layerId>/{diff,work,merged} */
  layerId: string;
  /** its short lowerdir link name (26 uppercase base32) */
  layerLink: string;
  /** `podman mount` count; the overlay stays mounted while > 0 or while running */
  mountCount: number;
  /** --rm */
  autoRemove: boolean;
  /** stdout+stderr of the init process (podman logs) */
  log: string;
  /** pty number of its console, when -t */
  pts?: number;
  /** the container's namespaces while running (mnt, pid, uts, ipc, net, cgroup) */
  ns?: Record<string, number>;
  /** --network/--pid/--ipc/--uts other than a private namespace: "host", "container:NAME", "none" (namespace-modes.ts) */
  nsModes?: Partial<Record<"net" | "pid" | "ipc" | "uts", string>>;
  /** netns path (podman) */
  netnsPath: string;
  /** IP address on the engine's bridge */
  ip: string;
  mac: string;
  /** exec sessions that ran (ids) */
  execIds: string[];
  /** the OOM killer killed a process of it during its last run (its cgroup's memory.events oom_kill) */
  oomKilled?: boolean;
}

/** The state of one engine on a host. */
export interface EngineState {
  containers: Record<string, Container>;
  /** image id → local image */
  images: Record<string, LocalImage>;
  /** docker's and podman's creation order of containers (ps lists newest first) */
  order: string[];
  /** next IP host part on the bridge */
  nextIp: number;
}

/** An image in local storage. */
export interface LocalImage {
  id: string;
  /** names with tags: registry/repo:tag */
  names: string[];
  /** the catalogue entry it came from: registry/repository */
  repo: string;
  tag: string;
  /** ms since the epoch it was pulled (podman images CREATED shows the image's build date) */
  pulledMs: number;
  /** the storage id of its top layer (64 hex) and the short link name */
  layerId: string;
  layerLink: string;
  digest: string;
}

/** The engine's state in the host (created on first use). */
export function engineState(host: Host, engine: EngineName): EngineState {
  const existing = host.engines[engine] as EngineState | undefined;
  if (existing) return existing;
  const created: EngineState = { containers: {}, images: {}, order: [], nextIp: 2 };
  host.engines[engine] = created;
  return created;
}

/** The host's MCS reservations, shared by both engines so no two containers ever hold the same pair. */
export function mcsTable(host: Host): McsTable {
  const existing = host.engines.mcs as McsTable | undefined;
  if (existing) return existing;
  const t = createMcsTable();
  host.engines.mcs = t;
  return t;
}

/** Finds a container by name, full id or unique id prefix (podman's and docker's lookup rules). */
export function findContainer(state: EngineState, ref: string): Container | undefined {
  for (const c of Object.values(state.containers)) if (c.name === ref) return c;
  const byId = state.containers[ref];
  if (byId) return byId;
  if (!/^[0-9a-f]+$/.test(ref)) return undefined;
  const matches = Object.values(state.containers).filter((c) => c.id.startsWith(ref));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Containers newest first (ps order). */
export function listContainers(state: EngineState): Container[] {
  return state.order.map((id) => state.containers[id]!).filter(Boolean).reverse();
}

/** The 12-hex short id. */
export function shortId(id: string): string {
  return id.slice(0, 12);
}
