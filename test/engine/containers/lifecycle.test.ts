/**
 * Container lifecycle on the simulated host: processes that end on their own, signals, stop timeouts, --rm,
 * removal freeing storage and MCS pairs, resource limits recorded everywhere, snapshot/restore.
 */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";
import { engineState, mcsTable } from "../../../engine/containers/container.js";
import { openSession } from "../../../engine/index.js";
import { listMounts } from "../../../engine/fs/mounts.js";

const UBI7 = "registry.access.redhat.com/ubi7/ubi";

describe("processes that end on their own", async () => {
  const host = containerHost("rhel7");
  const s = openSession(host);
  const id = (await s.run(`podman run -d ${UBI7} sleep 10`)).stdout.trim();
  const c = engineState(host, "podman").containers[id]!;
  const init = host.tasks.byPid[c.pid!]!;

  it("the init runs as conmon's child with the container's label, cgroup and namespaces", () => {
    const conmon = host.tasks.byPid[init.ppid]!;
    expect(conmon.argv[0]).toBe("/usr/libexec/podman/conmon");
    expect(conmon.ppid).toBe(1);
    expect(init.pid - conmon.pid).toBeGreaterThanOrEqual(6);
    expect(init.argv).toEqual(["sleep", "10"]);
    expect(init.vpid).toBe(1);
    expect(init.label).toBe(`system_u:system_r:container_t:${c.mcsLevel}`);
    expect(init.cgroup).toBe(`/machine.slice/libpod-${id}.scope`);
    expect(init.ns.pid).not.toBe(host.namespaces.init.pid);
    expect(host.namespaces.byId[init.ns.uts]!.hostname).toBe(id.slice(0, 12));
    expect(init.cred.caps).toContain("CAP_SYS_CHROOT");
    expect(init.cred.caps).not.toContain("CAP_SYS_ADMIN");
  });

  it("sleep 10 is gone ten virtual seconds later and the container shows Exited (0)", async () => {
    const ps1 = await s.run("ps -ef | grep -v grep | grep 'sleep 10'");
    expect(ps1.stdout).toContain("sleep 10");
    await s.run("sleep 10");
    const ps2 = await s.run("ps -ef | grep -v grep | grep 'sleep 10'");
    expect(ps2.stdout).toBe("");
    const list = await s.run("podman ps -a");
    expect(list.stdout).toMatch(/sleep 10 +\S+ seconds ago +Exited \(0\) \S+ (\S+ )?ago/);
    expect(c.status).toBe("exited");
    expect(host.tasks.byPid[c.monitorPid ?? -1]).toBeUndefined();
    // the rootfs is unmounted by the cleanup
    expect(listMounts(host, host.namespaces.init.mnt).some((m) => m.target.includes(c.layerId))).toBe(false);
  });
});

describe("signals, stop, rm", async () => {
  const host = containerHost("rhel9");
  const steps = await runLines(host, [
    `podman run -d --name a ${UBI7} top`,
    `podman run -d --name b ${UBI7} sleep 1000`,
    "podman stop a",
    "podman stop b",
    "podman ps -a --format '{{.Names}} {{.Status}}'",
    `podman run -d --name c ${UBI7} sleep 1000`,
    "podman rm c",
    "podman rm -f c",
    `podman run --rm --name d ${UBI7} true`,
    "podman ps -a --format '{{.Names}}'",
  ]);
  const out = (i: number) => steps[i]!.result;

  it("stop: top exits cleanly on SIGTERM, sleep as pid 1 needs SIGKILL after 10 s (podman 4 warns)", () => {
    expect(out(2).stdout).toBe("a\n");
    expect(out(2).stderr).toBe("");
    expect(out(3).stdout).toBe("b\n");
    expect(out(3).stderr).toBe("WARN[0010] StopSignal SIGTERM failed to stop container b in 10 seconds, resorting to SIGKILL\n");
    expect(out(4).stdout).toMatch(/^a Exited \(0\) \d+ seconds? ago\nb Exited \(137\) \d+ seconds? ago\n$/);
  });

  it("rm refuses a running container without -f", () => {
    expect(out(6).exitCode).toBe(2);
    expect(out(6).stderr).toMatch(/^Error: cannot remove container [0-9a-f]{64} as it is running - running or paused containers cannot be removed without force: container state improper\n$/);
    expect(out(7).stdout).toBe("c\n");
  });

  it("--rm removes the container when it exits; removal frees the MCS pair", () => {
    expect(out(9).stdout).toBe("a\nb\n");
    const live = Object.values(engineState(host, "podman").containers).map((c) => c.mcsLevel);
    const reserved = [...mcsTable(host).reserved].filter((l) => l !== "s0:c1022,c1023");
    expect(reserved.sort()).toEqual(live.sort());
  });
});

describe("resource limits", async () => {
  const host = containerHost("rhel9");
  await runLines(host, [`podman run -d --name lim --memory 42m --cpus 0.42 --pids-limit 100 ${UBI7} sleep 1000`]);
  const c = Object.values(engineState(host, "podman").containers)[0]!;

  it("are recorded in the container, inspect and the cgroup", async () => {
    expect(c.resources).toEqual({ memory: 44040192, nanoCpus: 420000000, pidsLimit: 100 });
    const [r] = await runLines(host, ["podman inspect lim --format '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}} {{.HostConfig.CpuQuota}}'"]);
    expect(r!.result.stdout).toBe("44040192 420000000 100 42000\n");
    const g = host.cgroups.groups[`/machine.slice/libpod-${c.id}.scope/container`]!;
    expect(g.limits).toMatchObject({ "memory.max": "44040192", "cpu.max": "42000 100000", "pids.max": "100" });
  });
});

describe("snapshot and restore", () => {
  it("restores containers, processes and storage", async () => {
    const host = containerHost("rhel7");
    const s = openSession(host);
    await s.run(`podman run -d --name keep ${UBI7} sleep 1000`);
    const snap = host.snapshot();
    await s.run("podman rm -f keep");
    expect((await s.run("podman ps -a -q")).stdout).toBe("");
    host.restore(snap);
    const s2 = openSession(host);
    expect((await s2.run("podman ps --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^keep Up /);
    expect((await s2.run("ps -ef | grep -v grep | grep 'sleep 1000'")).stdout).toContain("sleep 1000");
    expect((await s2.run("podman rm -f keep")).stdout).toBe("keep\n");
  });
});

describe("run -it with a shell", () => {
  it("opens a nested session in the new container; exit stops it", async () => {
    const host = containerHost("rhel9");
    const s = openSession(host);
    await s.run(`podman run -it --name sh1 ${UBI7} bash`);
    expect(s.prompt).toMatch(/^\[root@[0-9a-f]{12} \/\]# $/);
    expect((await s.run("cat /etc/redhat-release")).stdout).toBe("Red Hat Enterprise Linux Server release 7.9 (Maipo)\n");
    expect((await s.run("hostname")).stdout).toBe(`${s.prompt.slice(6, 18)}\n`);
    await s.run("exit");
    expect(s.prompt).toBe("[root@rhel9 ~]# ");
    expect((await s.run("podman ps -a --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^sh1 Exited \(0\) /);
  });
});
