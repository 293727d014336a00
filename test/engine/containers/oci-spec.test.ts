/**
 * The generated config.json compared field by field with the one real podman 4.3.1 wrote for the on-off container
 * (fixture). Known differences are environmental and listed: the fixture's host had no SELinux (no selinuxLabel,
 * no mountLabel), used cgroupfs (`/libpod_parent/…`) and cgroup v1 (no cgroup namespace), lowered rlimits, and an
 * older seccomp profile; the simulated rhel9 host is SELinux enforcing, systemd-managed, cgroup v2.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";
import { engineState } from "../../../engine/containers/container.js";
import { decideSyscall, parseSeccompProfile } from "../../../engine/kernel/seccomp.js";

const fixture = JSON.parse(readFileSync(new URL("../../fixtures/engine/podman-4.3.1/podman-4.3.1-on-off-container.config.json", import.meta.url), "utf8"));

describe("config.json on rhel9 (podman 4)", async () => {
  const host = containerHost("rhel9");
  const steps = await runLines(host, [
    "mkdir -p /tmp/rt/hostmnt",
    "podman create -t --name on-off-container -v /tmp/rt/hostmnt:/mnt:Z quay.io/fatherlinux/on-off-container",
    "podman start on-off-container",
    "cat /var/lib/containers/storage/overlay-containers/$(podman ps -l -q --no-trunc)/userdata/config.json",
  ]);
  const text = steps[3]!.result.stdout;
  const spec = JSON.parse(text);
  const c = Object.values(engineState(host, "podman").containers)[0]!;

  it("is compact JSON, as podman writes it", () => {
    expect(text.includes("\n")).toBe(false);
    expect(text.startsWith('{"ociVersion":')).toBe(true);
  });

  it("has the same top-level fields in the same order", () => {
    expect(Object.keys(spec)).toEqual(Object.keys(fixture));
  });

  it("process: terminal, user, args, cwd, capabilities as podman 4.3.1", () => {
    const { selinuxLabel, ...rest } = spec.process;
    expect(selinuxLabel).toBe(`system_u:system_r:container_t:${c.mcsLevel}`);
    expect(Object.keys(rest)).toEqual(Object.keys(fixture.process));
    expect(rest.terminal).toBe(true);
    expect(rest.user).toEqual(fixture.process.user);
    expect(rest.args).toEqual(fixture.process.args);
    expect(rest.cwd).toBe("/");
    expect(rest.capabilities).toEqual(fixture.process.capabilities);
    expect(rest.rlimits.map((r: { type: string }) => r.type)).toEqual(fixture.process.rlimits.map((r: { type: string }) => r.type));
    // same variables; HOSTNAME is the container's own 12-hex id
    const names = (env: string[]) => env.map((e) => e.split("=")[0]).sort();
    expect(names(rest.env)).toEqual(names(fixture.process.env));
    expect(rest.env).toContain(`HOSTNAME=${c.id.slice(0, 12)}`);
  });

  it("root, hostname and mounts", () => {
    expect(spec.root.path).toBe(`/var/lib/containers/storage/overlay/${c.layerId}/merged`);
    expect(spec.hostname).toBe(c.id.slice(0, 12));
    const shape = (m: { destination: string; type: string; options: string[]; source: string }) =>
      [m.destination, m.type, m.options.join(","), m.source.replace(/[0-9a-f]{64}/, "<id>").replace("/tmp/rt/hostmnt", "<vol>")];
    expect(spec.mounts.map(shape)).toEqual(fixture.mounts.map(shape));
  });

  it("annotations", () => {
    expect(Object.keys(spec.annotations)).toEqual(Object.keys(fixture.annotations));
    const { ["io.kubernetes.cri-o.Created"]: created, ...rest } = spec.annotations;
    const { ["io.kubernetes.cri-o.Created"]: _f, ...fixtureRest } = fixture.annotations;
    expect(created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(rest).toEqual(fixtureRest);
  });

  it("linux: sysctl, resources, namespaces, masked and read-only paths, labels", () => {
    expect(spec.linux.sysctl).toEqual(fixture.linux.sysctl);
    expect(spec.linux.resources).toEqual(fixture.linux.resources);
    expect(spec.linux.cgroupsPath).toBe(`machine.slice:libpod:${c.id}`);
    expect(spec.linux.namespaces.map((n: { type: string }) => n.type)).toEqual([...fixture.linux.namespaces.map((n: { type: string }) => n.type), "cgroup"]);
    expect(spec.linux.namespaces[1].path).toMatch(/^\/run\/netns\/netns-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(spec.linux.maskedPaths).toEqual(fixture.linux.maskedPaths);
    expect(spec.linux.readonlyPaths).toEqual(fixture.linux.readonlyPaths);
    expect(spec.linux.mountLabel).toBe(`system_u:object_r:container_file_t:${c.mcsLevel}`);
  });

  it("seccomp: podman's default profile, resolved against the container's capabilities", () => {
    const s = spec.linux.seccomp;
    expect(s.defaultAction).toBe(fixture.linux.seccomp.defaultAction);
    expect(s.defaultErrnoRet).toBe(fixture.linux.seccomp.defaultErrnoRet);
    expect(s.architectures).toEqual(fixture.linux.seccomp.architectures);
    // the written section, parsed back, decides like the observed one for common calls
    const ours = parseSeccompProfile(JSON.stringify(s), "ours");
    const theirs = parseSeccompProfile(JSON.stringify(fixture.linux.seccomp), "observed");
    if ("error" in ours || "error" in theirs) throw new Error("unparsable");
    const caps = new Set<string>(fixture.process.capabilities.bounding);
    for (const name of ["read", "write", "openat", "fchmodat", "execve", "clone", "mount", "unshare", "setns", "keyctl", "chroot", "settimeofday", "kexec_load", "reboot", "no_such_call"]) {
      expect([name, decideSyscall(ours, { name }, caps)]).toEqual([name, decideSyscall(theirs, { name }, caps)]);
    }
  });
});

describe("config.json options", async () => {
  const host = containerHost("rhel9");
  await runLines(host, [
    "podman run -d --name limited --memory 42m --cpus 0.42 --pids-limit 100 registry.access.redhat.com/ubi7/ubi sleep 100",
    "podman run -d --name free --security-opt seccomp=unconfined --security-opt label=disable registry.access.redhat.com/ubi7/ubi sleep 100",
  ]);
  const state = engineState(host, "podman");
  it("records --memory, --cpus, --pids-limit in linux.resources", async () => {
    const c = Object.values(state.containers).find((x) => x.name === "limited")!;
    const [step] = await runLines(host, [`cat /var/lib/containers/storage/overlay-containers/${c.id}/userdata/config.json`]);
    const spec = JSON.parse(step!.result.stdout);
    expect(spec.linux.resources.memory).toEqual({ limit: 44040192, swap: 88080384 });
    expect(spec.linux.resources.cpu).toEqual({ quota: 42000, period: 100000 });
    expect(spec.linux.resources.pids).toEqual({ limit: 100 });
  });

  it("seccomp=unconfined drops the filter; label=disable drops the labels", async () => {
    const c = Object.values(state.containers).find((x) => x.name === "free")!;
    const [step] = await runLines(host, [`cat /var/lib/containers/storage/overlay-containers/${c.id}/userdata/config.json`]);
    const spec = JSON.parse(step!.result.stdout);
    expect(spec.linux.seccomp).toBeUndefined();
    expect(spec.process.selinuxLabel).toBeUndefined();
    expect(spec.linux.mountLabel).toBeUndefined();
  });
});
