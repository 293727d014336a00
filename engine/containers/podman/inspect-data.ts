/**
 * What `inspect` reports about a container, in each engine's shape: podman's InspectContainerData (field order as
 * the observed podman 4.3.1 `podman inspect on-off-container`) and docker's ContainerJSON. Built from the record;
 * GraphDriver.Data has MergedDir only while the rootfs is mounted (observed: `<no value>` before start).
 */
import type { Host } from "../../host.js";
import { containerFileLabel, containerProcessLabel } from "../../kernel/selinux-mcs.js";
import { applyLabelOpts, containerCaps } from "../security.js";
import type { Container } from "../container.js";
import type { EngineEra } from "../engines.js";
import { containerDirs, isRootfsMounted, layerPaths, layersDir } from "../storage.js";
import { isoNanos, selinuxEnabled, subMsOf } from "../lifecycle.js";
import { annotations, processEnv } from "../oci-spec.js";
import { engineState } from "../container.js";

const ZERO_TIME = "0001-01-01T00:00:00Z";

/** The inspect object and the objects in it that are Go maps (for `--format`). */
export interface InspectData {
  value: Record<string, unknown>;
  maps: WeakSet<object>;
}

/** Builds the inspect object of a container. */
export function inspectContainer(host: Host, era: EngineEra, c: Container): InspectData {
  const maps = new WeakSet<object>();
  const map = <T extends object>(o: T): T => {
    maps.add(o);
    return o;
  };
  const image = engineState(host, era.engine).images[c.imageId];
  const selinux = selinuxEnabled(host) && c.mcsLevel !== "";
  const p = layerPaths(era, c.layerId);
  const graphData = map<Record<string, string>>({
    LowerDir: image ? `${layersDir(era)}/${image.layerId}/diff` : "",
    ...(isRootfsMounted(host, era, c) ? { MergedDir: p.merged } : {}),
    UpperDir: p.diff,
    WorkDir: p.work,
  });
  const { staticDir, runDir, configPath } = containerDirs(era, c.id);
  const running = c.status === "running";
  const sub = subMsOf(c);
  const state = {
    ...(era.engine === "podman" ? { OciVersion: era.ociVersion } : {}),
    Status: c.status,
    Running: running,
    Paused: false,
    Restarting: false,
    OOMKilled: c.oomKilled ?? false,
    Dead: false,
    Pid: c.pid ?? 0,
    ...(era.engine === "podman" ? { ConmonPid: c.monitorPid ?? 0 } : {}),
    ExitCode: c.exitCode,
    Error: "",
    StartedAt: c.startedMs !== undefined ? isoNanos(c.startedMs, sub.started) : ZERO_TIME,
    FinishedAt: c.finishedMs !== undefined ? isoNanos(c.finishedMs, sub.finished) : ZERO_TIME,
    ...(era.engine === "podman" ? {
      Health: { Status: "", FailingStreak: 0, Log: null },
      CgroupPath: running ? era.cgroupOf(c.id) : "",
      CheckpointedAt: ZERO_TIME,
      RestoredAt: ZERO_TIME,
    } : {}),
  };
  const mounts = c.volumes.map((v) => ({
    Type: "bind", Source: v.source, Destination: v.destination, Driver: "", Mode: v.relabel ?? "",
    Options: ["rbind"], RW: !v.readonly, Propagation: "rprivate",
  }));
  const config = {
    Hostname: c.id.slice(0, 12), Domainname: "", User: "", AttachStdin: false, AttachStdout: false, AttachStderr: false,
    Tty: c.tty, OpenStdin: c.interactive, StdinOnce: false, Env: processEnv(c, era), Cmd: c.command, Image: c.image,
    Volumes: null, WorkingDir: "/", Entrypoint: "", OnBuild: null, Labels: null,
    Annotations: map(era.engine === "podman" ? annotations(c, { era, createdIso: isoNanos(c.createdMs, sub.created) }) : {}), StopSignal: 15, CreateCommand: c.createCommand, Umask: "0022", Timeout: 0, StopTimeout: 10,
  };
  const hostConfig = {
    Binds: c.volumes.map((v) => `${v.source}:${v.destination}:${v.readonly ? "ro" : "rw"},rprivate,rbind`),
    CgroupManager: era.cgroupManager, CgroupMode: "host", LogConfig: { Type: era.engine === "podman" ? "k8s-file" : "journald", Config: null },
    NetworkMode: "bridge", PortBindings: map({}), RestartPolicy: { Name: "", MaximumRetryCount: 0 }, AutoRemove: c.autoRemove,
    CapAdd: c.capAdd ?? [], CapDrop: [...new Set([...(era.family === "podman4" ? ["CAP_AUDIT_WRITE", "CAP_MKNOD", "CAP_NET_RAW"] : []), ...(c.capDrop ?? [])])],
    Privileged: !!c.privileged, ReadonlyRootfs: false,
    SecurityOpt: [...(c.seccompProfile ? [`seccomp=${c.seccompProfile}`] : []), ...c.labelOpts.map((l) => `label=${l}`)],
    Memory: c.resources.memory ?? 0, MemorySwap: c.resources.memory !== undefined ? c.resources.memory * 2 : 0,
    NanoCpus: c.resources.nanoCpus ?? 0,
    CpuPeriod: c.resources.nanoCpus !== undefined ? 100000 : 0,
    CpuQuota: c.resources.nanoCpus !== undefined ? Math.round(c.resources.nanoCpus / 10000) : 0,
    PidsLimit: c.resources.pidsLimit ?? (era.engine === "podman" ? 2048 : 0),
  };
  const network = {
    // a container in another's (or the host's, or no) network has no address of its own on the bridge
    Gateway: c.ip.replace(/\.\d+$/, ".1"), IPAddress: running && !c.nsModes?.net ? c.ip : "", IPPrefixLen: 16, MacAddress: running && !c.nsModes?.net ? c.mac : "",
    SandboxKey: running ? c.netnsPath : "", Ports: map({}),
  };
  if (era.engine === "podman") {
    const value: Record<string, unknown> = {
      Id: c.id, Created: isoNanos(c.createdMs, sub.created), Path: c.command[0] ?? "", Args: c.command.slice(1), State: state,
      Image: c.imageId, ImageDigest: image?.digest ?? "", ImageName: c.image, Rootfs: "", Pod: "",
      ResolvConfPath: `${runDir}/resolv.conf`, HostnamePath: `${runDir}/hostname`, HostsPath: `${runDir}/hosts`,
      StaticDir: staticDir, OCIConfigPath: configPath, OCIRuntime: era.runtimeName,
      ConmonPidFile: `${runDir}/conmon.pid`, PidFile: `${runDir}/pidfile`, Name: c.name, RestartCount: 0, Driver: "overlay",
      MountLabel: selinux ? containerFileLabel(c.mcsLevel) : "", ProcessLabel: selinux ? applyLabelOpts(containerProcessLabel(c.mcsLevel), c.labelOpts) : "",
      AppArmorProfile: "", EffectiveCaps: containerCaps(era, c), BoundingCaps: containerCaps(era, c), ExecIDs: c.execIds,
      GraphDriver: { Name: "overlay", Data: graphData }, Mounts: mounts, Dependencies: [], NetworkSettings: network,
      Namespace: "", IsInfra: false, Config: config, HostConfig: hostConfig,
    };
    return { value, maps };
  }
  const value: Record<string, unknown> = {
    Id: c.id, Created: isoNanos(c.createdMs, sub.created), Path: c.command[0] ?? "", Args: c.command.slice(1), State: state,
    Image: `sha256:${c.imageId}`, ResolvConfPath: `${staticDir}/resolv.conf`, HostnamePath: `${staticDir}/hostname`,
    HostsPath: `${staticDir}/hosts`, LogPath: "", Name: `/${c.name}`, RestartCount: 0, Driver: "overlay2",
    MountLabel: selinux ? containerFileLabel(c.mcsLevel) : "", ProcessLabel: selinux ? applyLabelOpts(containerProcessLabel(c.mcsLevel), c.labelOpts) : "",
    AppArmorProfile: "", ExecIDs: c.execIds.length ? c.execIds : null, HostConfig: hostConfig,
    GraphDriver: { Name: "overlay2", Data: graphData }, Mounts: mounts, Config: config, NetworkSettings: network,
  };
  return { value, maps };
}
