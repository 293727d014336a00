/**
 * What differs between the container engines and their releases, as data: podman 1.x and docker 1.13 on RHEL 7,
 * podman 4.x and docker-ce on RHEL 9. Every command reads one `EngineEra` and prints accordingly; no code path is
 * forked per version.
 *
 * Sources: podman's and docker's table layouts (text/tabwriter settings: podman 4 pads columns to 12 with two
 * spaces, podman 1.x only two spaces, docker pads to 20 with three spaces), status texts ("Up 2 seconds ago" in
 * podman, "Up 2 seconds" in docker), storage and run roots, cgroup naming (README-cgroups in the reference facts),
 * default capabilities (podman 4.3.1's observed config.json; podman 1.x and docker keep 14), and
 * the `podman create -d` rejection of podman 2+ (transcript podman-4.3.1-debian12-step2-dt-error).
 */
import type { Host } from "../host.js";
import type { ShortNamePolicy } from "./images/reference.js";

export type EngineName = "podman" | "docker";

/** One engine as it is on one host profile. */
export interface EngineEra {
  engine: EngineName;
  /** "podman1" | "podman4" | "docker1" | "dockerce": the family a message shape follows */
  family: "podman1" | "podman4" | "docker1" | "dockerce";
  version: string;
  /** storage root of images and containers */
  graphRoot: string;
  /** run root (tmpfs) */
  runRoot: string;
  /** OCI runtime binary */
  runtimePath: string;
  runtimeName: string;
  /** the monitor process per container (conmon, containerd-shim) */
  monitorPath: string;
  /** cgroup manager and where containers go */
  cgroupManager: "systemd" | "cgroupfs";
  /** cgroup of a container's processes, from its 64-hex id */
  cgroupOf: (id: string) => string;
  /** cgroup of the container's monitor process */
  monitorCgroupOf: (id: string) => string;
  /** OCI cgroupsPath in config.json */
  cgroupsPathOf: (id: string) => string;
  /** whether `create` accepts -d (podman 1.x shares run's flags) */
  createAcceptsDetach: boolean;
  /** table layout: tabwriter minwidth and padding */
  table: { minWidth: number; padding: number };
  /** "Up 2 seconds ago" (podman) or "Up 2 seconds" (docker) */
  upSuffix: string;
  /** ps COMMAND column: docker quotes it */
  quoteCommand: boolean;
  /** ps IMAGE column: podman prints the full name with tag, docker the name as typed */
  imageColumn: "qualified" | "as-given";
  /** human sizes: "215 MB" or "215MB" */
  sizeSpace: boolean;
  /** default capabilities, sorted */
  caps: string[];
  /** OCI spec version written into config.json */
  ociVersion: string;
  /** seccomp default profile */
  seccompDefault: EngineName;
  /** the tty a `-t` container's process shows in ps: own devpts instance ("pts/0") or the host's next pts */
  ttyFrom: "container-devpts" | "host-devpts";
  /** short-name handling (podman) */
  shortNames: ShortNamePolicy;
  /** images present when the lab starts */
  preloaded: string[];
  /** the name `exec -it` shows in the container's hostname: the 12-hex id */
  labelMonitor: string;
  /** docker: the shim's argv for a container */
  shimArgv?: (id: string) => string[];
  /** the process that is the shim's parent (docker: containerd) */
  shimParentArgv0?: string;
}

const CAPS_14 = [
  "CAP_AUDIT_WRITE", "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_MKNOD",
  "CAP_NET_BIND_SERVICE", "CAP_NET_RAW", "CAP_SETFCAP", "CAP_SETGID", "CAP_SETPCAP", "CAP_SETUID", "CAP_SYS_CHROOT",
];
// podman 4 dropped AUDIT_WRITE, MKNOD and NET_RAW (observed inspect: CapDrop of those three).
const CAPS_11 = CAPS_14.filter((c) => !["CAP_AUDIT_WRITE", "CAP_MKNOD", "CAP_NET_RAW"].includes(c));

const RHEL7_SEARCH: ShortNamePolicy = {
  searchRegistries: ["registry.access.redhat.com", "docker.io", "registry.fedoraproject.org", "quay.io", "registry.centos.org"],
  aliases: {},
  aliasFile: "",
  enforcing: false,
};

const RHEL9_SEARCH: ShortNamePolicy = {
  searchRegistries: ["registry.access.redhat.com", "registry.redhat.io", "docker.io"],
  aliases: {
    busybox: "docker.io/library/busybox",
    alpine: "docker.io/library/alpine",
    fedora: "registry.fedoraproject.org/fedora",
    ubi7: "registry.access.redhat.com/ubi7",
    "ubi7/ubi": "registry.access.redhat.com/ubi7/ubi",
    ubi8: "registry.access.redhat.com/ubi8",
    "ubi8/ubi": "registry.access.redhat.com/ubi8/ubi",
    ubi9: "registry.access.redhat.com/ubi9",
    "ubi9/ubi": "registry.access.redhat.com/ubi9/ubi",
  },
  aliasFile: "/etc/containers/registries.conf.d/000-shortnames.conf",
  enforcing: true,
};

const LAB_IMAGES = ["registry.access.redhat.com/ubi7/ubi:latest", "quay.io/fatherlinux/on-off-container:latest"];

/** The engine `name` as it is on the host's profile. */
export function engineEra(host: Host, name: EngineName): EngineEra {
  const rhel7 = host.profile.cgroupVersion === 1;
  if (name === "podman") {
    return {
      engine: "podman",
      family: rhel7 ? "podman1" : "podman4",
      version: host.profile.podmanVersion,
      graphRoot: "/var/lib/containers/storage",
      runRoot: rhel7 ? "/var/run/containers/storage" : "/run/containers/storage",
      runtimePath: rhel7 ? "/usr/bin/runc" : "/usr/bin/crun",
      runtimeName: rhel7 ? "runc" : "crun",
      monitorPath: rhel7 ? "/usr/libexec/podman/conmon" : "/usr/bin/conmon",
      cgroupManager: "systemd",
      cgroupOf: (id) => (rhel7 ? `/machine.slice/libpod-${id}.scope` : `/machine.slice/libpod-${id}.scope/container`),
      monitorCgroupOf: (id) => `/machine.slice/libpod-conmon-${id}.scope`,
      cgroupsPathOf: (id) => `machine.slice:libpod:${id}`,
      createAcceptsDetach: rhel7,
      table: rhel7 ? { minWidth: 0, padding: 2 } : { minWidth: 12, padding: 2 },
      upSuffix: " ago",
      quoteCommand: false,
      imageColumn: "qualified",
      sizeSpace: true,
      caps: rhel7 ? CAPS_14 : CAPS_11,
      ociVersion: rhel7 ? "1.0.1-dev" : "1.1.0+dev",
      seccompDefault: "podman",
      ttyFrom: "container-devpts",
      shortNames: rhel7 ? RHEL7_SEARCH : RHEL9_SEARCH,
      preloaded: LAB_IMAGES,
      labelMonitor: "unconfined_u:system_r:container_runtime_t:s0-s0:c0.c1023",
    };
  }
  return {
    engine: "docker",
    family: rhel7 ? "docker1" : "dockerce",
    version: host.profile.dockerVersion,
    graphRoot: "/var/lib/docker",
    runRoot: rhel7 ? "/var/run/docker" : "/run/docker",
    runtimePath: rhel7 ? "/usr/libexec/docker/docker-runc-current" : "/usr/bin/runc",
    runtimeName: rhel7 ? "docker-runc" : "runc",
    monitorPath: rhel7 ? "/usr/bin/docker-containerd-shim-current" : "/usr/bin/containerd-shim-runc-v2",
    cgroupManager: "systemd",
    cgroupOf: (id) => `/system.slice/docker-${id}.scope`,
    monitorCgroupOf: () => (rhel7 ? "/system.slice/docker.service" : "/system.slice/containerd.service"),
    cgroupsPathOf: (id) => `system.slice:docker:${id}`,
    createAcceptsDetach: false,
    table: rhel7 ? { minWidth: 20, padding: 3 } : { minWidth: 10, padding: 3 },
    upSuffix: "",
    quoteCommand: true,
    imageColumn: "as-given",
    sizeSpace: rhel7,
    caps: CAPS_14,
    ociVersion: rhel7 ? "1.0.0" : "1.0.2-dev",
    seccompDefault: "docker",
    ttyFrom: "host-devpts",
    shortNames: RHEL7_SEARCH,
    preloaded: rhel7 ? ["registry.access.redhat.com/ubi7/ubi:latest"] : [],
    labelMonitor: "system_u:system_r:container_runtime_t:s0",
    shimArgv: rhel7
      ? (id) => ["/usr/bin/docker-containerd-shim-current", id, `/var/run/docker/libcontainerd/${id}`, "/usr/libexec/docker/docker-runc-current"]
      : (id) => ["/usr/bin/containerd-shim-runc-v2", "-namespace", "moby", "-id", id, "-address", "/run/containerd/containerd.sock"],
    ...(rhel7 ? { shimParentArgv0: "/usr/bin/docker-containerd-current" } : {}),
  };
}
