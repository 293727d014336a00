/**
 * The config.json `runc spec` writes (runc 1.1.5, libcontainer/specconv.Example): a container running `sh` on a
 * terminal as root, with the three capabilities runc keeps by default, a read-only `rootfs` next to the file,
 * new pid, network, ipc, uts and mount namespaces, and the masked and read-only /proc paths. Written tab-indented
 * with no final newline, as runc's json.MarshalIndent(spec, "", "\t") does (observed output in
 * test/fixtures/engine/runc-1.1.5/spec-default.config.json).
 */

const CAPS = ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"];

/** The default spec as a fresh object (callers may edit it). */
export function defaultSpec(): Record<string, unknown> {
  return {
    ociVersion: "1.0.2-dev",
    process: {
      terminal: true,
      user: { uid: 0, gid: 0 },
      args: ["sh"],
      env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
      cwd: "/",
      capabilities: { bounding: [...CAPS], effective: [...CAPS], permitted: [...CAPS], ambient: [...CAPS] },
      rlimits: [{ type: "RLIMIT_NOFILE", hard: 1024, soft: 1024 }],
      noNewPrivileges: true,
    },
    root: { path: "rootfs", readonly: true },
    hostname: "runc",
    mounts: [
      { destination: "/proc", type: "proc", source: "proc" },
      { destination: "/dev", type: "tmpfs", source: "tmpfs", options: ["nosuid", "strictatime", "mode=755", "size=65536k"] },
      { destination: "/dev/pts", type: "devpts", source: "devpts", options: ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"] },
      { destination: "/dev/shm", type: "tmpfs", source: "shm", options: ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"] },
      { destination: "/dev/mqueue", type: "mqueue", source: "mqueue", options: ["nosuid", "noexec", "nodev"] },
      { destination: "/sys", type: "sysfs", source: "sysfs", options: ["nosuid", "noexec", "nodev", "ro"] },
      { destination: "/sys/fs/cgroup", type: "cgroup", source: "cgroup", options: ["nosuid", "noexec", "nodev", "relatime", "ro"] },
    ],
    linux: {
      resources: { devices: [{ allow: false, access: "rwm" }] },
      namespaces: [{ type: "pid" }, { type: "network" }, { type: "ipc" }, { type: "uts" }, { type: "mount" }],
      maskedPaths: ["/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi"],
      readonlyPaths: ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
    },
  };
}

/** `runc spec --rootless`: no network namespace (a user namespace mapping the caller to root instead), no cgroup mount (specconv.ToRootless). */
export function rootlessSpec(uid: number, gid: number): Record<string, unknown> {
  const spec = defaultSpec() as Record<string, any>;
  spec.root.readonly = true;
  spec.mounts = (spec.mounts as Array<Record<string, unknown>>).filter((m) => m.destination !== "/sys/fs/cgroup")
    .map((m) => (m.destination === "/sys" ? { destination: "/sys", type: "none", source: "/sys", options: ["rbind", "nosuid", "noexec", "nodev", "ro"] } : m))
    .map((m) => (m.destination === "/dev/pts" ? { ...m, options: (m.options as string[]).filter((o) => o !== "gid=5") } : m));
  spec.linux.namespaces = [{ type: "pid" }, { type: "ipc" }, { type: "uts" }, { type: "mount" }, { type: "user" }];
  spec.linux.uidMappings = [{ containerID: 0, hostID: uid, size: 1 }];
  spec.linux.gidMappings = [{ containerID: 0, hostID: gid, size: 1 }];
  delete spec.linux.resources;
  return spec;
}

/** The file's text: tab-indented JSON, no final newline. */
export function specText(spec: Record<string, unknown>): string {
  return JSON.stringify(spec, null, "\t");
}
