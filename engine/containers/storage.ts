/**
 * Container storage as containers/storage (podman) and docker's overlay2 driver lay it out on disk:
 *
 *   /var/lib/containers/storage/overlay/<layer-id>/{diff,work,merged,link,lower}   one dir per layer, 64 hex
 *   /var/lib/containers/storage/overlay/l/<26 base32>  -> ../<layer-id>/diff         short names for lowerdir=
 *   /var/lib/containers/storage/overlay-images/<image-id>/manifest, images.json
 *   /var/lib/containers/storage/overlay-layers/layers.json
 *   /var/lib/containers/storage/overlay-containers/<ctr-id>/userdata/{config.json,artifacts,shm,…}
 *   /run/containers/storage/overlay-containers/<ctr-id>/userdata/{hosts,hostname,resolv.conf,.containerenv,pidfile}
 *   /var/lib/docker/overlay2/<layer-id>/…, /var/lib/docker/containers/<ctr-id>/…      (docker)
 *
 * What always holds: an image's files exist once — its layer's `diff` tree — and every container of that image
 * sees them through an overlay mount whose upper dir is the container's own `diff`; writing copies a file up,
 * never into the image. The container's rootfs is mounted on `merged` (with `context=` its SELinux mount label)
 * while the container runs or while `podman mount` holds it; that mount shows in the host's `mount` output.
 * Reference: host-facts/storage (README, observed tree, observed layers.json).
 */
import type { Host } from "../host.js";
import { allocInode, getInode } from "../fs/inode.js";
import { addChild, ensureDir, linkDirInode, mkdirp, remember, removeTree, STORAGE_LABEL, symlink, writeFile } from "./storage-tree.js";
import { removeMount, mountAt, type Mount } from "../fs/mounts.js";
import { mountOverlay } from "../fs/namespace.js";
import { randInt } from "../kernel/rng.js";
import { containerFileLabel } from "../kernel/selinux-mcs.js";
import type { Container, LocalImage } from "./container.js";
import type { EngineEra } from "./engines.js";
import { rootfsEntries, type DistroName } from "./images/rootfs.js";

/** Label of image layer files on the host (container-selinux: read-only content shared by containers). */
export const LAYER_LABEL = "system_u:object_r:container_ro_file_t:s0";
/** Label of per-container runtime files (hosts, resolv.conf) bind-mounted into the container. */
const RUNTIME_FILE_LABEL = "system_u:object_r:container_var_run_t:s0";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** A short layer link name: 26 characters of base32, as containers/storage's `link` files hold. */
export function randomLinkName(host: Host): string {
  let s = "";
  for (let i = 0; i < 26; i++) s += BASE32[randInt(host.rng, 32)];
  return s;
}

/** The directory holding layers: overlay (podman) or overlay2 (docker). */
export function layersDir(era: EngineEra): string {
  return era.engine === "podman" ? `${era.graphRoot}/overlay` : `${era.graphRoot}/overlay2`;
}

/** Paths of a container's copy-on-write layer. */
export function layerPaths(era: EngineEra, layerId: string): { dir: string; diff: string; work: string; merged: string } {
  const dir = `${layersDir(era)}/${layerId}`;
  return { dir, diff: `${dir}/diff`, work: `${dir}/work`, merged: `${dir}/merged` };
}

/** Where a container's static files (config, shm, logs) and runtime files (hosts, pidfile) live. */
export function containerDirs(era: EngineEra, id: string): { staticDir: string; runDir: string; configPath: string } {
  if (era.engine === "podman") {
    const staticDir = `${era.graphRoot}/overlay-containers/${id}/userdata`;
    return { staticDir, runDir: `${era.runRoot}/overlay-containers/${id}/userdata`, configPath: `${staticDir}/config.json` };
  }
  const staticDir = `${era.graphRoot}/containers/${id}`;
  const bundle = era.family === "docker1" ? `/var/run/docker/libcontainerd/${id}` : `/run/containerd/io.containerd.runtime.v2.task/moby/${id}`;
  return { staticDir, runDir: staticDir, configPath: `${bundle}/config.json` };
}

/** The inode tree of a distro's image layer, built once per host and shared (root ino). */
export function imageLayerTree(host: Host, distro: DistroName, builtMs: number): number {
  const cache = (host.engines.layerTrees ??= {}) as Record<string, number>;
  const cached = cache[distro];
  if (cached !== undefined && host.inodes.byIno.has(cached)) return cached;
  const root = allocInode(host.inodes, { type: "dir", mode: 0o555, uid: 0, gid: 0, label: LAYER_LABEL, timeMs: builtMs });
  const byPath = new Map<string, number>([["", root.ino]]);
  for (const e of rootfsEntries(distro)) {
    const slash = e.path.lastIndexOf("/");
    const parentIno = byPath.get(e.path.slice(0, slash))!;
    const node = allocInode(host.inodes, { type: e.type, mode: e.mode, uid: 0, gid: 0, label: LAYER_LABEL, timeMs: builtMs, data: e.data, target: e.target });
    getInode(host.inodes, parentIno).entries!.set(e.path.slice(slash + 1), node.ino);
    if (e.type === "dir") byPath.set(e.path, node.ino);
  }
  cache[distro] = root.ino;
  return root.ino;
}

/** Puts an image into local storage: its layer dir (diff = the shared tree), link, manifest, images.json. */
export function storeImage(host: Host, era: EngineEra, image: LocalImage, distro: DistroName, builtMs: number, manifest: string, allImages: LocalImage[]): void {
  const dir = `${layersDir(era)}/${image.layerId}`;
  const tree = imageLayerTree(host, distro, builtMs);
  mkdirp(host, `${layersDir(era)}/l`, 0o700);
  if (!getInode(host.inodes, mkdirp(host, layersDir(era))).entries!.has(image.layerId)) {
    mkdirp(host, dir, 0o700);
    linkDirInode(host, `${dir}/diff`, tree);
    writeFile(host, `${dir}/link`, image.layerLink);
    mkdirp(host, `${dir}/work`);
    if (era.engine === "podman") mkdirp(host, `${dir}/empty`);
    symlink(host, `../${image.layerId}/diff`, `${layersDir(era)}/l/${image.layerLink}`);
  }
  if (era.engine === "podman") {
    const imgDir = `${era.graphRoot}/overlay-images/${image.id}`;
    mkdirp(host, imgDir);
    writeFile(host, `${imgDir}/manifest`, manifest, 0o600);
    writeFile(host, `${era.graphRoot}/overlay-images/images.json`, JSON.stringify(allImages.map((i) => ({ id: i.id, digest: i.digest, names: i.names, layer: i.layerId, created: new Date(i.pulledMs).toISOString() }))), 0o600);
    writeFile(host, `${era.graphRoot}/overlay-images/images.lock`, "", 0o644);
    const layers = allImages.map((i) => ({ id: i.layerId, created: new Date(i.pulledMs).toISOString(), "compressed-diff-digest": i.digest, "diff-digest": `sha256:${i.layerId}`, uidset: [0], gidset: [0] }));
    writeFile(host, `${era.graphRoot}/overlay-layers/layers.json`, JSON.stringify(layers), 0o600);
    writeFile(host, `${era.graphRoot}/overlay-layers/layers.lock`, "", 0o644);
  } else {
    mkdirp(host, `${era.graphRoot}/image/overlay2/imagedb/content/sha256`);
    writeFile(host, `${era.graphRoot}/image/overlay2/imagedb/content/sha256/${image.id}`, manifest, 0o600);
  }
}

/** Creates a container's layer and static dir (podman create / docker create). */
export function createContainerStorage(host: Host, era: EngineEra, c: Container, image: LocalImage): void {
  const dir = (parent: number, name: string, mode = 0o700) => addChild(host, parent, name, { type: "dir", mode, label: STORAGE_LABEL }).ino;
  const file = (parent: number, name: string, data: string) => addChild(host, parent, name, { type: "file", mode: 0o644, label: STORAGE_LABEL, data });
  const p = layerPaths(era, c.layerId);
  const layers = ensureDir(host, layersDir(era));
  const d = dir(layers, c.layerId);
  remember(host, p.dir, d);
  // containers/storage gives the upper dir the mode of the image's root, which the merged root shows
  // (observed: `ls -al /` in a container: `dr-xr-xr-x  1 root root 4.0K … .`)
  const imageRoot = host.inodes.byIno.get(ensureDir(host, `${layersDir(era)}/${image.layerId}/diff`));
  remember(host, p.diff, dir(d, "diff", imageRoot?.mode ?? 0o755));
  const work = dir(d, "work");
  remember(host, p.work, work);
  dir(work, "work");
  remember(host, p.merged, dir(d, "merged"));
  file(d, "link", c.layerLink);
  file(d, "lower", `l/${image.layerLink}`);
  addChild(host, ensureDir(host, `${layersDir(era)}/l`), c.layerLink, { type: "symlink", mode: 0o777, label: STORAGE_LABEL, target: `../${c.layerId}/diff` });
  const { staticDir } = containerDirs(era, c.id);
  let userdata: number;
  if (era.engine === "podman") {
    userdata = dir(dir(ensureDir(host, `${era.graphRoot}/overlay-containers`), c.id), "userdata");
    dir(userdata, "artifacts", 0o755);
    if (era.family === "podman4") dir(userdata, "secrets", 0o755);
  } else {
    userdata = dir(ensureDir(host, `${era.graphRoot}/containers`), c.id);
  }
  remember(host, staticDir, userdata);
  dir(userdata, "shm", 0o1777);
}

/**
 * Whether a container's rootfs has `rel` (e.g. "/etc/hosts"), looked up in its upper layer and then its image layer
 * by walking directory entries: the runtime's quick check for mount points, without a path walk through the mount.
 */
export function rootfsHas(host: Host, era: EngineEra, c: Container, image: LocalImage, rel: string): boolean {
  const parts = rel.split("/").filter(Boolean);
  const has = (rootIno: number): boolean => {
    let cur = host.inodes.byIno.get(rootIno);
    for (const name of parts) {
      const next = cur?.entries?.get(name);
      if (next === undefined) return false;
      cur = host.inodes.byIno.get(next);
    }
    return cur !== undefined && !(cur.type === "chr" && cur.rdev?.[0] === 0 && cur.rdev?.[1] === 0);
  };
  return has(ensureDir(host, layerPaths(era, c.layerId).diff)) || has(ensureDir(host, `${layersDir(era)}/${image.layerId}/diff`));
}

/**
 * Creates `rel` in a container's upper layer as the runtime does for a missing mount point: the directories above it
 * are copied up from the image (same mode and owner), then the file or directory is made. Returns false when the
 * path runs through something other than a directory, for the caller to go the slow way through the mount.
 */
export function upperCreate(host: Host, era: EngineEra, c: Container, image: LocalImage, rel: string, file: boolean): boolean {
  const parts = rel.split("/").filter(Boolean);
  let upper = getInode(host.inodes, ensureDir(host, layerPaths(era, c.layerId).diff));
  let lower = host.inodes.byIno.get(ensureDir(host, `${layersDir(era)}/${image.layerId}/diff`));
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i]!;
    const last = i === parts.length - 1;
    const lowerChild = lower?.entries?.get(name) !== undefined ? host.inodes.byIno.get(lower.entries.get(name)!) : undefined;
    const existing = upper.entries!.get(name);
    if (existing !== undefined) {
      const inode = getInode(host.inodes, existing);
      if (last) return true;
      if (inode.type !== "dir") return false;
      upper = inode;
      lower = lowerChild;
      continue;
    }
    if (lowerChild && lowerChild.type !== "dir" && !last) return false;
    const mode = lowerChild?.mode ?? (last && file ? 0o644 : 0o755);
    const label = lowerChild?.label ?? upper.label;
    const created = addChild(host, upper.ino, name, last && file ? { type: "file", mode, label, data: "" } : { type: "dir", mode, label });
    upper = created;
    lower = lowerChild;
  }
  return true;
}

/** Mounts the container's rootfs on its `merged` dir in the host's mount namespace (idempotent). */
export function mountRootfs(host: Host, era: EngineEra, c: Container, image: LocalImage, selinux: boolean): string {
  const p = layerPaths(era, c.layerId);
  const mntns = host.namespaces.init.mnt;
  if (!mountAt(host, mntns, p.merged)) {
    mountOverlay(host, mntns, {
      lowerdirs: [`${layersDir(era)}/${image.layerId}/diff`],
      lowerdirDisplay: [`${layersDir(era)}/l/${image.layerLink}`],
      upperdir: p.diff,
      workdir: p.work,
      target: p.merged,
      ...(selinux && c.mcsLevel ? { context: containerFileLabel(c.mcsLevel) } : {}),
    });
  }
  return p.merged;
}

/** Unmounts the rootfs from the host (podman umount / cleanup after exit). */
export function unmountRootfs(host: Host, era: EngineEra, c: Container): void {
  const p = layerPaths(era, c.layerId);
  const mntns = host.namespaces.init.mnt;
  while (mountAt(host, mntns, p.merged)) removeMount(host, mntns, p.merged);
}

/** Whether the rootfs is mounted on the host. */
export function isRootfsMounted(host: Host, era: EngineEra, c: Container): boolean {
  return mountAt(host, host.namespaces.init.mnt, layerPaths(era, c.layerId).merged) !== undefined;
}

/** The host's rootfs mount, for the container's own mount namespace (same upper: both views share it). */
export function rootfsMount(host: Host, era: EngineEra, c: Container): Mount {
  const m = mountAt(host, host.namespaces.init.mnt, layerPaths(era, c.layerId).merged);
  if (!m) throw new Error(`rootfsMount: container ${c.id} rootfs is not mounted`);
  return m;
}

/** Writes what the engine prepares at start: config.json, hosts, hostname, resolv.conf, pidfiles, logs. */
export function writeStartFiles(host: Host, era: EngineEra, c: Container, configJson: string): void {
  const { staticDir, runDir, configPath } = containerDirs(era, c.id);
  const bundle = configPath.slice(0, configPath.lastIndexOf("/"));
  mkdirp(host, bundle);
  mkdirp(host, runDir);
  writeFile(host, configPath, configJson);
  const short = c.id.slice(0, 12);
  // libpod labels the files it bind-mounts into the container with the container's mount label, so the container
  // may write its own /etc/hosts under SELinux (and no other container may)
  const runLabel = c.mcsLevel ? containerFileLabel(c.mcsLevel) : RUNTIME_FILE_LABEL;
  const hosts = `127.0.0.1\tlocalhost localhost.localdomain localhost4 localhost4.localdomain4\n::1\tlocalhost localhost.localdomain localhost6 localhost6.localdomain6\n${c.ip}\t${short} ${c.name}\n`;
  writeFile(host, `${runDir}/hosts`, hosts, 0o644, runLabel);
  writeFile(host, `${runDir}/hostname`, `${short}\n`, 0o644, runLabel);
  writeFile(host, `${runDir}/resolv.conf`, "search example.com\nnameserver 10.0.2.3\n", 0o644, runLabel);
  if (era.engine === "podman") {
    writeFile(host, `${runDir}/.containerenv`, "", 0o644, runLabel);
    writeFile(host, `${staticDir}/ctr.log`, k8sFileLog(c), 0o600);
    for (const f of ["attach", "ctl", "winsz"]) writeFile(host, `${staticDir}/${f}`, "", 0o600);
  } else {
    writeFile(host, `${staticDir}/${c.id}-json.log`, "", 0o600);
  }
}

/**
 * conmon's k8s-file log format: one line per line of output, `<RFC3339Nano time> stdout F <text>` (F = full line,
 * P = partial). The simulation stamps every line with the time the container last started.
 */
export function k8sFileLog(c: Container): string {
  if (c.log === "") return "";
  const stamp = new Date(c.startedMs ?? c.createdMs).toISOString().replace(/\.(\d{3})Z$/, ".$1000000+00:00");
  const lines = c.log.split("\n");
  const last = lines.pop()!;
  return lines.map((l) => `${stamp} stdout F ${l}\n`).join("") + (last ? `${stamp} stdout P ${last}\n` : "");
}

/** Records the pids of a started container (pidfile, conmon.pid). */
export function writePidFiles(host: Host, era: EngineEra, c: Container): void {
  if (era.engine !== "podman") return;
  const { runDir } = containerDirs(era, c.id);
  writeFile(host, `${runDir}/pidfile`, String(c.pid ?? ""), 0o644);
  writeFile(host, `${runDir}/conmon.pid`, String(c.monitorPid ?? ""), 0o644);
}

/** Removes what a stopped container's monitor leaves behind (attach, ctl, winsz go with conmon). */
export function cleanupRunFiles(host: Host, era: EngineEra, c: Container): void {
  if (era.engine !== "podman") return;
  const { staticDir } = containerDirs(era, c.id);
  for (const f of ["attach", "ctl", "winsz"]) removeTree(host, `${staticDir}/${f}`);
  writeFile(host, `${staticDir}/ctr.log`, k8sFileLog(c), 0o600);
}

/** Deletes an image's layer dir and records (rmi); the shared layer tree itself stays for other images. */
export function removeImageStorage(host: Host, era: EngineEra, image: LocalImage, remaining: LocalImage[]): void {
  const dir = `${layersDir(era)}/${image.layerId}`;
  if (!remaining.some((i) => i.layerId === image.layerId)) {
    // unlink `diff` first: it is the distro's tree, which other images share
    getInode(host.inodes, ensureDir(host, dir)).entries!.delete("diff");
    removeTree(host, dir);
    removeTree(host, `${layersDir(era)}/l/${image.layerLink}`);
  }
  if (era.engine === "podman") {
    removeTree(host, `${era.graphRoot}/overlay-images/${image.id}`);
    writeFile(host, `${era.graphRoot}/overlay-images/images.json`, JSON.stringify(remaining.map((i) => ({ id: i.id, digest: i.digest, names: i.names, layer: i.layerId, created: new Date(i.pulledMs).toISOString() }))), 0o600);
  } else {
    removeTree(host, `${era.graphRoot}/image/overlay2/imagedb/content/sha256/${image.id}`);
  }
}

/** Deletes a container's layer and directories (rm). */
export function removeContainerStorage(host: Host, era: EngineEra, c: Container): void {
  unmountRootfs(host, era, c);
  const p = layerPaths(era, c.layerId);
  const { staticDir, runDir, configPath } = containerDirs(era, c.id);
  const dirs = era.engine === "podman" ? [p.dir, staticDir.replace(/\/userdata$/, ""), runDir.replace(/\/userdata$/, "")] : [p.dir, staticDir, configPath.slice(0, configPath.lastIndexOf("/"))];
  for (const d of dirs) removeTree(host, d);
  removeTree(host, `${layersDir(era)}/l/${c.layerLink}`);
}

/** Lays out the storage roots an installed engine has before its first container. */
export function initStorage(host: Host, era: EngineEra): void {
  if (era.engine === "podman") {
    for (const d of ["overlay", "overlay/l", "overlay-containers", "overlay-images", "overlay-layers", "libpod", "mounts", "tmp", "volumes"]) mkdirp(host, `${era.graphRoot}/${d}`);
    for (const f of ["storage.lock", "userns.lock", "overlay-containers/containers.lock", "overlay-containers/containers.json", "libpod/bolt_state.db"]) {
      writeFile(host, `${era.graphRoot}/${f}`, f.endsWith(".json") ? "[]" : "", 0o600);
    }
  } else {
    for (const d of ["overlay2", "overlay2/l", "containers", "image", "volumes", "network", "plugins", "tmp", "trust", "swarm"]) mkdirp(host, `${era.graphRoot}/${d}`);
  }
}
