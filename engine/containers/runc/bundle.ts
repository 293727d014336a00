/**
 * An OCI bundle as runc reads it (runtime-spec bundle.md, runc's loadSpec and spec validation): a directory
 * holding `config.json` and the root filesystem it names in `root.path` (relative paths are relative to the
 * bundle). runc refuses a bundle whose config is missing or not JSON, or whose rootfs does not exist, with the
 * errors below (libcontainer/configs/validate: "invalid rootfs"). Only what the simulated runtime acts on is read.
 */
import type { FsView } from "../../fs/fs-view.js";

/** A namespace entry of linux.namespaces: a new one, or `path` to join an existing one. */
export interface SpecNamespace {
  type: string;
  path?: string;
}

/** A mount of config.json's mounts. */
export interface SpecMount {
  destination: string;
  type?: string;
  source?: string;
  options?: string[];
}

/** What runc takes from a bundle. */
export interface Bundle {
  dir: string;
  rootfs: string;
  readonly: boolean;
  ociVersion: string;
  terminal: boolean;
  args: string[];
  env: string[];
  cwd: string;
  uid: number;
  gid: number;
  caps: string[];
  hostname?: string;
  mounts: SpecMount[];
  namespaces: SpecNamespace[];
  annotations?: Record<string, string>;
  selinuxLabel?: string;
}

/** Joins a path onto a directory (absolute paths stay). */
export function absPath(cwd: string, p: string): string {
  const parts = (p.startsWith("/") ? p : `${cwd}/${p}`).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Loads `<dir>/config.json` and checks the rootfs; an error is runc's message. */
export function loadBundle(fs: FsView, dir: string): Bundle | { error: string } {
  let text: string;
  try {
    text = fs.readFileSync(`${dir}/config.json`);
  } catch {
    return { error: "JSON specification file config.json not found" };
  }
  let spec: Record<string, any>;
  try {
    spec = JSON.parse(text);
    if (typeof spec !== "object" || spec === null || Array.isArray(spec)) throw new Error("not an object");
  } catch (e) {
    return { error: `invalid character in config.json: ${(e as Error).message}` };
  }
  const process = (spec.process ?? {}) as Record<string, any>;
  const linux = (spec.linux ?? {}) as Record<string, any>;
  const rootPath = typeof spec.root?.path === "string" ? spec.root.path : "";
  if (rootPath === "") return { error: "Root must be specified" };
  const rootfs = absPath(dir, rootPath);
  let isDir = false;
  try {
    isDir = fs.statSync(rootfs).type === "dir";
  } catch {
    return { error: `invalid rootfs: stat ${rootfs}: no such file or directory` };
  }
  if (!isDir) return { error: `invalid rootfs: not a directory: ${rootfs}` };
  const args = strings(process.args);
  if (args.length === 0) return { error: "args must not be empty" };
  const namespaces: SpecNamespace[] = Array.isArray(linux.namespaces)
    ? linux.namespaces.filter((n: any) => n && typeof n.type === "string").map((n: any) => (typeof n.path === "string" && n.path ? { type: n.type, path: n.path } : { type: n.type }))
    : [];
  const known = new Set(["pid", "network", "ipc", "uts", "mount", "user", "cgroup"]);
  for (const n of namespaces) if (!known.has(n.type)) return { error: `namespace "${n.type}" does not exist` };
  const mounts: SpecMount[] = Array.isArray(spec.mounts)
    ? spec.mounts.filter((m: any) => m && typeof m.destination === "string").map((m: any) => ({ destination: m.destination, type: m.type, source: m.source, options: strings(m.options) }))
    : [];
  return {
    dir, rootfs, readonly: spec.root?.readonly === true, ociVersion: typeof spec.ociVersion === "string" ? spec.ociVersion : "",
    terminal: process.terminal === true, args, env: strings(process.env), cwd: typeof process.cwd === "string" ? process.cwd : "/",
    uid: Number(process.user?.uid ?? 0) || 0, gid: Number(process.user?.gid ?? 0) || 0,
    caps: strings(process.capabilities?.effective),
    ...(typeof spec.hostname === "string" ? { hostname: spec.hostname } : {}),
    mounts, namespaces,
    ...(spec.annotations && typeof spec.annotations === "object" ? { annotations: spec.annotations } : {}),
    ...(typeof process.selinuxLabel === "string" ? { selinuxLabel: process.selinuxLabel } : {}),
  };
}
