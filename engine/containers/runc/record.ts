/**
 * runc's own bookkeeping (libcontainer's state dir, `/run/runc/<id>/state.json`): the containers runc was asked
 * to create directly, without an engine. runc keeps no daemon; what it knows of a container is this record plus
 * the kernel's answer about the init pid: a created container's init waits in `runc init` until `runc start`
 * execs the real process; once that process is gone the container is stopped, and only `runc delete` forgets it.
 * Plain data in `host.engines.runc`, so a snapshot carries it.
 */
import type { Host } from "../../host.js";
import { getTask } from "../../kernel/tasks.js";

/** The state dir runc uses as root (runc --root default). */
export const RUNC_ROOT = "/run/runc";

/** One container runc created. */
export interface RuncContainer {
  id: string;
  /** absolute bundle path */
  bundle: string;
  /** absolute rootfs path */
  rootfs: string;
  /** host pid of the init process */
  pid: number;
  /** `runc start` has exec'd the process (running, or stopped after it ran) */
  started: boolean;
  /** ms since the epoch, and the nanoseconds below the ms that Go's clock adds */
  createdMs: number;
  createdNs?: number;
  /** process.args from config.json, exec'd on start */
  args: string[];
  /** process.env and process.cwd */
  env: string[];
  cwd: string;
  /** process.terminal */
  terminal: boolean;
  /** the container's namespaces (host ids) */
  ns: Record<string, number>;
  /** the mount namespace runc made for it (dropped on delete) */
  ownMnt?: number;
  /** config.json annotations */
  annotations?: Record<string, string>;
  /** ociVersion of its config.json */
  ociVersion: string;
}

/** runc's containers on a host. */
export interface RuncState {
  containers: Record<string, RuncContainer>;
}

export type RuncStatus = "created" | "running" | "stopped";

/** The runc state of a host (created on first use). */
export function runcState(host: Host): RuncState {
  const existing = host.engines.runc as RuncState | undefined;
  if (existing) return existing;
  const created: RuncState = { containers: {} };
  host.engines.runc = created;
  return created;
}

/** What runc reports: the init is alive and waiting (created) or exec'd (running), else stopped. */
export function runcStatus(host: Host, c: RuncContainer): RuncStatus {
  const init = c.pid > 0 ? getTask(host, c.pid) : undefined;
  if (!init || init.containerId !== `runc:${c.id}`) return "stopped";
  return c.started ? "running" : "created";
}

/** The container `id`, or undefined (runc looks ids up exactly; no prefixes). */
export function findRuncContainer(host: Host, id: string): RuncContainer | undefined {
  return runcState(host).containers[id];
}

/** Go's time.RFC3339Nano of a ms time in UTC (trailing zeros of the fraction dropped). */
export function rfc3339Nano(ms: number, nanosExtra = 0): string {
  const d = new Date(ms);
  const iso = d.toISOString().replace(/\.\d{3}Z$/, "");
  const nanos = (d.getUTCMilliseconds() * 1_000_000 + nanosExtra).toString().padStart(9, "0").replace(/0+$/, "");
  return `${iso}${nanos ? "." + nanos : ""}Z`;
}
