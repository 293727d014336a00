/**
 * `podman info` / `docker info`: the engine's view of the host — storage driver and roots, cgroup manager and
 * version, runtime, counts of containers and images. `--format` reads the same object
 * (`{{.Store.GraphRoot}} {{.Host.CgroupManager}} {{.Host.CgroupsVersion}}`, observed).
 */
import type { CommandResult } from "../../userland/command.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { renderTemplate, normalizeFormat } from "../cli/go-template.js";

/** info */
export const info = {
  name: "info",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [{ name: "format", short: "f", kind: "string" }, { name: "debug", short: "D", kind: "bool" }], true);
    if ("error" in f) return call.usage(f.error);
    const { host, era, state } = call;
    const all = Object.values(state.containers);
    const running = all.filter((c) => c.status === "running").length;
    const stopped = all.filter((c) => c.status === "exited").length;
    const cgv = host.cgroups.version === 2 ? "v2" : "v1";
    const data = {
      Host: {
        Arch: "amd64", CgroupManager: era.cgroupManager, CgroupsVersion: cgv, Hostname: host.profile.hostname,
        Kernel: host.profile.kernelRelease, MemTotal: host.profile.memTotalKiB * 1024, OCIRuntime: { Name: era.runtimeName, Path: era.runtimePath },
        Conmon: { Path: era.monitorPath }, CPUs: host.profile.cpus, Distribution: { Distribution: "rhel" },
        Security: { SELinuxEnabled: true, SECCOMPEnabled: true, Rootless: false },
      },
      Store: {
        GraphRoot: era.graphRoot, RunRoot: era.runRoot, GraphDriverName: era.engine === "podman" ? "overlay" : "overlay2",
        ContainerStore: { Number: all.length, Running: running, Paused: 0, Stopped: stopped },
        ImageStore: { Number: Object.keys(state.images).length },
      },
      Version: { Version: era.version, APIVersion: era.version, OsArch: "linux/amd64" },
    };
    const format = f.strings.get("format");
    if (format !== undefined) {
      const t = renderTemplate(normalizeFormat(format).format, { value: data, typeName: "*define.Info" }, "info");
      if ("error" in t) return call.fail(t.error);
      call.out(`${t.text}\n`);
      return call.done(0);
    }
    if (era.engine === "docker") {
      call.out(`Containers: ${all.length}\n Running: ${running}\n Paused: 0\n Stopped: ${stopped}\nImages: ${data.Store.ImageStore.Number}\n` +
        `Server Version: ${era.version}\nStorage Driver: overlay2\n Backing Filesystem: xfs\n Supports d_type: true\n` +
        `Logging Driver: journald\nCgroup Driver: systemd\nSecurity Options:\n seccomp\n  Profile: default\n selinux\n` +
        `Kernel Version: ${host.profile.kernelRelease}\nOperating System: ${/PRETTY_NAME="(.*)"/.exec(host.profile.osRelease)?.[1] ?? "Linux"}\n` +
        `OSType: linux\nArchitecture: x86_64\nCPUs: ${host.profile.cpus}\nName: ${host.profile.hostname}\nDocker Root Dir: ${era.graphRoot}\n`);
      return call.done(0);
    }
    call.out(`host:\n  arch: amd64\n  cgroupManager: ${era.cgroupManager}\n  cgroupVersion: ${cgv}\n  conmon:\n    path: ${era.monitorPath}\n` +
      `  cpus: ${host.profile.cpus}\n  hostname: ${host.profile.hostname}\n  kernel: ${host.profile.kernelRelease}\n  memTotal: ${data.Host.MemTotal}\n` +
      `  ociRuntime:\n    name: ${era.runtimeName}\n    path: ${era.runtimePath}\n  os: linux\n  security:\n    rootless: false\n    seccompEnabled: true\n    selinuxEnabled: true\n` +
      `store:\n  containerStore:\n    number: ${all.length}\n    paused: 0\n    running: ${running}\n    stopped: ${stopped}\n` +
      `  graphDriverName: overlay\n  graphRoot: ${era.graphRoot}\n  imageStore:\n    number: ${data.Store.ImageStore.Number}\n  runRoot: ${era.runRoot}\n` +
      `version:\n  APIVersion: ${era.version}\n  OsArch: linux/amd64\n  Version: ${era.version}\n`);
    return call.done(0);
  },
};
