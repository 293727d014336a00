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

/**
 * `runc spec --rootless` (specconv.ToRootless): no network namespace and a user namespace mapping the caller to
 * root instead, /sys as a read-only rbind, no gid=/uid= mount options, no cgroup resources. The mappings come
 * first in `linux`, as the runtime-spec Go struct orders its fields.
 */
export function rootlessSpec(uid: number, gid: number): Record<string, unknown> {
  const spec = defaultSpec() as Record<string, any>;
  spec.mounts = (spec.mounts as Array<Record<string, any>>).map((m) => {
    if (m.destination === "/sys") return { destination: "/sys", type: "none", source: "/sys", options: ["rbind", "nosuid", "noexec", "nodev", "ro"] };
    if (!m.options) return m;
    return { ...m, options: (m.options as string[]).filter((o) => !o.startsWith("gid=") && !o.startsWith("uid=")) };
  });
  const linux = spec.linux as Record<string, any>;
  spec.linux = {
    uidMappings: [{ containerID: 0, hostID: uid, size: 1 }],
    gidMappings: [{ containerID: 0, hostID: gid, size: 1 }],
    namespaces: [...(linux.namespaces as Array<{ type: string }>).filter((n) => n.type !== "network"), { type: "user" }],
    maskedPaths: linux.maskedPaths,
    readonlyPaths: linux.readonlyPaths,
  };
  return spec;
}

/** The file's text: tab-indented JSON, no final newline. */
export function specText(spec: Record<string, unknown>): string {
  return JSON.stringify(spec, null, "\t");
}
