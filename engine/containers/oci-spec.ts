/**
 * The OCI runtime spec (opencontainers/runtime-spec config.md, config-linux.md): the `config.json` an engine writes
 * into the container's bundle and hands to the runtime (runc, crun). It says which process to start (args, env,
 * cwd, user, capabilities, rlimits, SELinux process label), which root to pivot into (the overlay `merged` dir),
 * what to mount on top (proc, /dev, the volumes as `rbind` binds, /etc/hosts from the run root …), which
 * namespaces to create, which cgroup to join with which limits, the seccomp filter, and which paths to mask.
 *
 * A pure function of the container record and a few host facts; the output is compact JSON as podman writes it
 * (libpod `json.Marshal` of the spec; the reference copy in the fixtures is the same document pretty-printed).
 * Field order follows the runtime-spec Go structs, as in the observed podman 4.3.1 config.json.
 */
import type { Container } from "./container.js";
import type { EngineEra } from "./engines.js";
import { ociSeccompSection, X86_64_ARCHITECTURES } from "./seccomp-defaults.js";
import { containerFileLabel, containerProcessLabel } from "../kernel/selinux-mcs.js";
import { applyLabelOpts, containerCaps } from "./security.js";

/** Host facts the spec needs besides the record. */
export interface SpecContext {
  era: EngineEra;
  /** overlay merged dir: root.path */
  rootPath: string;
  /** directory holding hosts, hostname, resolv.conf, .containerenv (podman: run root userdata) */
  runDir: string;
  /** directory holding shm (podman: graph root userdata) */
  staticDir: string;
  /** cgroup version of the host */
  cgroupVersion: 1 | 2;
  /** whether SELinux labels the container (host enforcing/permissive and label not disabled) */
  selinux: boolean;
  /** ISO time the container was created, for the annotation */
  createdIso: string;
}

const MASKED_PATHS = [
  "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats",
  "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/fs/selinux", "/sys/dev/block",
];
const READONLY_PATHS = ["/proc/asound", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

/** podman's default rlimits for a rootful container (observed: nofile 1048576, nproc 32768). */
const DEFAULT_RLIMITS = [
  { type: "RLIMIT_NOFILE", hard: 1048576, soft: 1048576 },
  { type: "RLIMIT_NPROC", hard: 32768, soft: 32768 },
];

/** podman's default pids limit (containers.conf pids_limit). */
export const DEFAULT_PIDS_LIMIT = 2048;

/** The environment the process gets: engine defaults, then the image's, then -e, HOSTNAME last (podman). */
export function processEnv(c: Container, era: EngineEra): string[] {
  const env = new Map<string, string>();
  const put = (kv: string) => {
    const eq = kv.indexOf("=");
    env.set(eq < 0 ? kv : kv.slice(0, eq), kv);
  };
  if (c.tty) put("TERM=xterm");
  if (era.engine === "podman") put("container=podman");
  for (const kv of c.env) put(kv);
  if (![...env.keys()].includes("PATH")) put("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
  if (!env.has("HOME")) put("HOME=/root");
  put(`HOSTNAME=${c.id.slice(0, 12)}`);
  return [...env.values()];
}

/** The config.json document for a container. */
export function ociSpec(c: Container, ctx: SpecContext): Record<string, unknown> {
  const { era } = ctx;
  const caps = containerCaps(era, c);
  const capabilities: Record<string, string[]> = { bounding: caps, effective: caps };
  if (era.family !== "podman4") capabilities.inheritable = caps;
  capabilities.permitted = caps;
  if (era.family !== "podman4") capabilities.ambient = caps;

  const process: Record<string, unknown> = {
    terminal: c.tty,
    user: era.family === "podman4" ? { uid: 0, gid: 0, umask: 18 } : { uid: 0, gid: 0 },
    args: c.command,
    env: processEnv(c, era),
    cwd: "/",
    capabilities,
    rlimits: DEFAULT_RLIMITS,
  };
  if (era.engine === "docker") process.noNewPrivileges = false;
  if (era.engine === "docker") process.oomScoreAdj = 0;
  if (ctx.selinux && c.mcsLevel) process.selinuxLabel = applyLabelOpts(containerProcessLabel(c.mcsLevel), c.labelOpts);

  const mounts: Record<string, unknown>[] = c.volumes.map((v) => ({
    destination: v.destination, type: "bind", source: v.source, options: v.options,
  }));
  mounts.push(
    { destination: "/proc", type: "proc", source: "proc", options: ["nosuid", "noexec", "nodev"] },
    { destination: "/dev", type: "tmpfs", source: "tmpfs", options: ["nosuid", "noexec", "strictatime", "mode=755", "size=65536k"] },
    { destination: "/sys", type: "sysfs", source: "sysfs", options: ["nosuid", "noexec", "nodev", "ro"] },
    { destination: "/dev/pts", type: "devpts", source: "devpts", options: ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"] },
    { destination: "/dev/mqueue", type: "mqueue", source: "mqueue", options: ["nosuid", "noexec", "nodev"] },
    { destination: "/etc/hosts", type: "bind", source: `${ctx.runDir}/hosts`, options: ["bind", "rprivate"] },
  );
  if (era.engine === "podman") {
    mounts.push({ destination: "/run/.containerenv", type: "bind", source: `${ctx.runDir}/.containerenv`, options: ["bind", "rprivate"] });
  }
  mounts.push(
    { destination: "/dev/shm", type: "bind", source: `${ctx.staticDir}/shm`, options: ["bind", "rprivate", "nosuid", "noexec", "nodev"] },
    { destination: "/etc/hostname", type: "bind", source: `${ctx.runDir}/hostname`, options: ["bind", "rprivate"] },
    { destination: "/etc/resolv.conf", type: "bind", source: `${ctx.runDir}/resolv.conf`, options: ["bind", "rprivate"] },
    { destination: "/sys/fs/cgroup", type: "cgroup", source: "cgroup", options: ["rprivate", "nosuid", "noexec", "nodev", "relatime", "ro"] },
  );

  const spec: Record<string, unknown> = {
    ociVersion: era.ociVersion,
    process,
    root: era.engine === "docker" ? { path: ctx.rootPath, readonly: false } : { path: ctx.rootPath },
    hostname: c.id.slice(0, 12),
    mounts,
  };
  if (era.engine === "podman") spec.annotations = annotations(c, ctx);

  const resources: Record<string, unknown> = { devices: [{ allow: false, access: "rwm" }] };
  if (c.resources.memory !== undefined) resources.memory = { limit: c.resources.memory, swap: c.resources.memory * 2 };
  if (c.resources.nanoCpus !== undefined) resources.cpu = { quota: Math.round(c.resources.nanoCpus / 10000), period: 100000 };
  const pids = c.resources.pidsLimit ?? (era.engine === "podman" ? DEFAULT_PIDS_LIMIT : undefined);
  if (pids !== undefined) resources.pids = { limit: pids };

  const namespaces: Record<string, string>[] = [
    { type: "pid" },
    { type: "network", ...(c.netnsPath ? { path: c.netnsPath } : {}) },
    { type: "ipc" },
    { type: "uts" },
    { type: "mount" },
  ];
  if (ctx.cgroupVersion === 2) namespaces.push({ type: "cgroup" });
  // a namespace shared with the host is not listed: the runtime then leaves the process in its own (--network host …)
  const kindOf: Record<string, "net" | "pid" | "ipc" | "uts"> = { network: "net", pid: "pid", ipc: "ipc", uts: "uts" };
  const shared = namespaces.filter((n) => c.nsModes?.[kindOf[n.type!]!] === "host");
  for (const n of shared) namespaces.splice(namespaces.indexOf(n), 1);

  const linux: Record<string, unknown> = {
    sysctl: { "net.ipv4.ping_group_range": "0 0" },
    resources,
    cgroupsPath: era.cgroupsPathOf(c.id),
    namespaces,
  };
  if (c.seccomp) linux.seccomp = ociSeccompSection(c.seccomp, new Set(containerCaps(era, c)), c.seccompProfile ? [] : X86_64_ARCHITECTURES);
  linux.maskedPaths = MASKED_PATHS;
  linux.readonlyPaths = READONLY_PATHS;
  if (ctx.selinux && c.mcsLevel) linux.mountLabel = containerFileLabel(c.mcsLevel);
  spec.linux = linux;
  return spec;
}

/** The annotations podman puts on a container (config.json `annotations`, inspect `Config.Annotations`). */
export function annotations(c: Container, ctx: Pick<SpecContext, "era" | "createdIso">): Record<string, string> {
  const a: Record<string, string> = {
    "io.container.manager": "libpod",
    "io.kubernetes.cri-o.Created": ctx.createdIso,
    "io.kubernetes.cri-o.TTY": String(c.tty),
    "io.podman.annotations.autoremove": c.autoRemove ? "TRUE" : "FALSE",
    "io.podman.annotations.init": "FALSE",
    "io.podman.annotations.privileged": c.privileged ? "TRUE" : "FALSE",
    "io.podman.annotations.publish-all": "FALSE",
  };
  if (ctx.era.family === "podman4") a["org.opencontainers.image.stopSignal"] = "15";
  return a;
}

const SECCOMP_HOLE = "\u0000seccomp\u0000";

/**
 * config.json as written to disk: compact JSON. The seccomp section is the same for every container with the same
 * filter, so its text is made once per filter (`cache`, e.g. a WeakMap in the host's caches) and spliced in.
 */
export function ociSpecText(c: Container, ctx: SpecContext, cache?: WeakMap<object, string>): string {
  const spec = ociSpec(c, ctx);
  const linux = spec.linux as Record<string, unknown>;
  if (!cache || !c.seccomp || linux.seccomp === undefined) return JSON.stringify(spec);
  let text = cache.get(c.seccomp);
  if (text === undefined) {
    text = JSON.stringify(linux.seccomp);
    cache.set(c.seccomp, text);
  }
  linux.seccomp = SECCOMP_HOLE;
  return JSON.stringify(spec).replace(JSON.stringify(SECCOMP_HOLE), text);
}
