// Shared helpers for engine tests: a seeded host with a session, and a fake container (its own pid, uts and mount
// namespaces over an overlay of a tiny image layer) built only with the public engine APIs.
import { createHost, openSession, kernelFs, mountOverlay, createRootMountNamespace, mountProc, bindMount, spawnTask, createNamespace, mountAt } from "../../engine/index.js";
import type { Host, Task, Session } from "../../engine/index.js";

export function seeded(profile: "rhel7" | "rhel9" = "rhel7", seed = 42): { host: Host; s: Session } {
  const host = createHost({ seed, profile });
  return { host, s: openSession(host) };
}

/** Lays out an image layer once (shared by every container of the test host). */
export function ensureImageLayer(host: Host): string {
  const fs = kernelFs(host);
  const layer = "/var/lib/containers/storage/overlay/aaaa/diff";
  if (fs.existsSync(layer)) return layer;
  fs.mkdirSync(layer, { recursive: true });
  for (const d of ["bin", "etc", "mnt", "tmp", "proc", "root", "usr"]) fs.createSync(`${layer}/${d}`, { type: "dir", mode: d === "tmp" ? 0o1777 : 0o755, label: "system_u:object_r:container_ro_file_t:s0" });
  fs.createSync(`${layer}/etc/hosts`, { type: "file", mode: 0o644, data: "127.0.0.1 localhost\n", label: "system_u:object_r:container_ro_file_t:s0" });
  fs.createSync(`${layer}/etc/os-release`, { type: "file", mode: 0o644, data: 'NAME="Red Hat Enterprise Linux Server"\n', label: "system_u:object_r:container_ro_file_t:s0" });
  return layer;
}

export interface FakeContainer {
  id: string;
  merged: string;
  init: Task;
  conmon: Task;
  mcs: string;
}

/** A running container whose init runs `argv`, with optional volumes (host path → container path). */
export function fakeContainer(host: Host, id: string, argv: string[], mcs: string, volumes: Array<[string, string]> = []): FakeContainer {
  const fs = kernelFs(host);
  const lower = ensureImageLayer(host);
  const base = `/var/lib/containers/storage/overlay/${id}`;
  for (const d of ["diff", "work", "merged"]) fs.mkdirSync(`${base}/${d}`, { recursive: true });
  const context = `system_u:object_r:container_file_t:s0:${mcs}`;
  const merged = `${base}/merged`;
  mountOverlay(host, host.namespaces.init.mnt, { lowerdirs: [lower], upperdir: `${base}/diff`, workdir: `${base}/work`, target: merged, context });
  const root = mountAt(host, host.namespaces.init.mnt, merged)!;
  const mnt = createRootMountNamespace(host, { fstype: "overlay", source: "overlay", options: root.options, context, root: root.root });
  const pid = createNamespace(host.namespaces, "pid").id;
  const uts = createNamespace(host.namespaces, "uts", { hostname: id.slice(0, 12) }).id;
  mountProc(host, mnt, "/proc", pid);
  for (const [src, dst] of volumes) bindMount(host, mnt, { source: src, fromNs: host.namespaces.init.mnt, target: dst });
  const conmon = spawnTask(host, { ppid: 1, argv: ["/usr/bin/conmon", "--cid", id], label: "system_u:system_r:container_runtime_t:s0", cwd: "/" });
  const init = spawnTask(host, {
    ppid: conmon.pid, argv, tty: "pts/1", label: `system_u:system_r:container_t:s0:${mcs}`, containerId: id,
    ns: { mnt, pid, uts }, cwd: "/", cpuPercent: 1,
  });
  return { id, merged, init, conmon, mcs };
}
