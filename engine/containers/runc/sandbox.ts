/**
 * What `runc create` does to the kernel (libcontainer's container_linux.go + rootfs_linux.go), for a bundle the
 * student prepared: a new namespace for each `linux.namespaces` entry without a path, setns(2) into the one a
 * `path` names (`/proc/<pid>/ns/net`), the rest shared with runc's caller; a mount namespace whose `/` is the
 * bundle's rootfs with config.json's mounts on top (proc of the new pid namespace, tmpfs /dev with the usual device
 * nodes, read-only sysfs and cgroup), remounted read-only at the end when `root.readonly`; the hostname in a
 * private uts namespace; a cgroup `/<id>` (runc's default cgroupsPath with the cgroupfs driver); and the init
 * process, which waits as `runc init` until `runc start`.
 *
 * Simplified on purpose: no user-namespace id mapping, no seccomp or rlimits from the bundle, no console socket;
 * the process keeps the SELinux label of its caller unless config.json gives `process.selinuxLabel`.
 */
import type { Host } from "../../host.js";
import type { FsView } from "../../fs/fs-view.js";
import type { NsType } from "../../kernel/namespaces.js";
import { createNamespace, getNamespace } from "../../kernel/namespaces.js";
import { spawnTask, type Task } from "../../kernel/tasks.js";
import { createCgroup } from "../../kernel/cgroups.js";
import { readClock } from "../../kernel/clock.js";
import { allocInode } from "../../fs/inode.js";
import { resolve } from "../../fs/vfs.js";
import { bindMount, createRootMountNamespace, mountProc, mountTree } from "../../fs/namespace.js";
import { addMount, mountAt } from "../../fs/mounts.js";
import { kernelFs } from "../../fs/fs-view.js";
import type { Bundle } from "./bundle.js";
import { absPath } from "./bundle.js";

/** runtime-spec namespace names → the kernel's. */
const SPEC_NS: Record<string, NsType> = { pid: "pid", network: "net", ipc: "ipc", uts: "uts", mount: "mnt", user: "user", cgroup: "cgroup" };

/** Device nodes runc creates in a container's /dev (libcontainer/specconv AllowedDevices). */
const DEV_NODES: Array<[string, number, number]> = [["null", 1, 3], ["zero", 1, 5], ["full", 1, 7], ["random", 1, 8], ["urandom", 1, 9], ["tty", 5, 0]];

/** The set of namespaces from config.json; an error is runc's message. */
function namespacesFor(host: Host, fs: FsView, caller: Task, b: Bundle, id: string): Record<NsType, number> | { error: string } {
  const ns = { ...caller.ns };
  for (const n of b.namespaces) {
    const type = SPEC_NS[n.type]!;
    if (n.path) {
      let link: string;
      try {
        link = fs.readlinkSync(n.path);
      } catch {
        return { error: `open ${n.path}: no such file or directory` };
      }
      const m = /^([a-z_]+):\[(\d+)\]$/.exec(link);
      if (!m || m[1] !== type) return { error: `setns ${n.path}: invalid argument` };
      const joined = fs.sys("setns", [0], () => Number(m[2]));
      if (!joined.ok) return { error: `setns ${n.path}: operation not permitted` };
      ns[type] = joined.value;
    } else if (type !== "mnt") {
      const made = fs.sys("unshare", [0], () => createNamespace(host.namespaces, type, type === "uts" ? { hostname: b.hostname ?? getNamespace(host.namespaces, caller.ns.uts).hostname } : {}).id);
      if (!made.ok) return { error: `unshare ${n.type}: operation not permitted` };
      ns[type] = made.value;
    }
  }
  if (b.hostname !== undefined && ns.uts === caller.ns.uts && b.hostname !== "") {
    return { error: "unable to set hostname without a private UTS namespace" };
  }
  void id;
  return ns;
}

/** The container's mount namespace: the rootfs as `/`, then the spec's mounts. */
function mountNamespace(host: Host, caller: Task, b: Bundle, pidns: number): number | { error: string } {
  const root = resolve(host, caller.ns.mnt, b.rootfs);
  if (root.ovl || root.proc || root.cg) return { error: `invalid rootfs: ${b.rootfs} is not a plain directory` };
  const under = root.mount;
  const mnt = createRootMountNamespace(host, {
    fstype: under.fstype, source: under.source, options: ["rw", ...under.options.filter((o) => o !== "rw" && o !== "ro")], root: { kind: "inode", ino: root.ino },
    ...(under.context ? { context: under.context } : {}),
  });
  const kfs = kernelFs(host);
  const now = readClock(host.clock, host.edge.timeSource);
  const dirLabel = "system_u:object_r:tmpfs_t:s0";
  for (const m of b.mounts) {
    const dest = absPath("/", m.destination);
    // the mount point is made in the rootfs, as runc's createIfNotExists does
    try {
      if (m.type !== "bind") kfs.mkdirSync(`${b.rootfs}${dest}`, { recursive: true, mode: 0o755 });
    } catch {
      /* under another mount (e.g. /dev/pts below the new /dev tmpfs): made in that tree below */
    }
    const opts = m.options ?? [];
    if (m.type === "proc") mountProc(host, mnt, dest, pidns);
    else if (m.type === "sysfs") bindMount(host, mnt, { source: "/sys", fromNs: host.namespaces.init.mnt, target: dest, readOnly: true });
    else if (m.type === "cgroup") {
      // cgroup v2: the unified hierarchy, read-only; v1 keeps the tmpfs that holds the hierarchies
      if (host.cgroups.version === 2) addMount(host, mnt, { target: dest, fstype: "cgroup2", source: "cgroup2", options: ["ro", "nosuid", "nodev", "noexec", "relatime"], root: { kind: "cgroup", hierarchy: "" } });
      else mountTree(host, mnt, dest, allocInode(host.inodes, { type: "dir", mode: 0o755, uid: 0, gid: 0, label: "system_u:object_r:cgroup_t:s0", timeMs: now }).ino, "tmpfs", "tmpfs", ["ro", "nosuid", "nodev", "noexec", "mode=755"]);
    }
    else if (m.type === "bind" || opts.includes("bind") || opts.includes("rbind")) {
      try {
        bindMount(host, mnt, { source: absPath(b.dir, m.source ?? ""), fromNs: caller.ns.mnt, target: dest, readOnly: opts.includes("ro") });
      } catch {
        return { error: `error mounting "${m.source}" to rootfs at "${m.destination}": stat ${m.source}: no such file or directory` };
      }
    } else {
      // tmpfs, devpts, mqueue: a fresh tree
      const mode = dest === "/dev/shm" ? 0o1777 : 0o755;
      const dir = allocInode(host.inodes, { type: "dir", mode, uid: 0, gid: 0, label: dirLabel, timeMs: now });
      if (dest === "/dev") {
        for (const [name, major, minor] of DEV_NODES) {
          dir.entries!.set(name, allocInode(host.inodes, { type: "chr", mode: 0o666, uid: 0, gid: 0, label: dirLabel, timeMs: now, rdev: [major, minor] }).ino);
        }
        for (const name of ["pts", "shm", "mqueue"]) dir.entries!.set(name, allocInode(host.inodes, { type: "dir", mode: name === "shm" ? 0o1777 : 0o755, uid: 0, gid: 0, label: dirLabel, timeMs: now }).ino);
      }
      const parent = dest.slice(0, dest.lastIndexOf("/")) || "/";
      const parentMount = mountAt(host, mnt, parent);
      if (dest.split("/").length > 2 && parentMount && parentMount.fstype === "tmpfs" && parentMount.root.kind === "inode") {
        const pdir = host.inodes.byIno.get(parentMount.root.ino);
        const name = dest.slice(dest.lastIndexOf("/") + 1);
        if (pdir?.entries && !pdir.entries.has(name)) pdir.entries.set(name, allocInode(host.inodes, { type: "dir", mode: 0o755, uid: 0, gid: 0, label: dirLabel, timeMs: now }).ino);
      }
      mountTree(host, mnt, dest, dir.ino, m.type ?? "tmpfs", m.source ?? m.type ?? "tmpfs", ["rw", "nosuid", ...opts.filter((o) => o !== "nosuid")]);
    }
  }
  if (b.readonly) {
    const top = mountAt(host, mnt, "/")!;
    top.options = ["ro", ...top.options.filter((o) => o !== "rw")];
  }
  return mnt;
}

/** runc create: namespaces, mounts, cgroup and the waiting init; an error is runc's message. */
export function createSandbox(host: Host, fs: FsView, caller: Task, b: Bundle, id: string, ppid: number): { init: Task; ownMnt?: number } | { error: string } {
  const ns = namespacesFor(host, fs, caller, b, id);
  if ("error" in ns) return ns;
  let ownMnt: number | undefined;
  const wantsMnt = b.namespaces.find((n) => n.type === "mount");
  if (wantsMnt && !wantsMnt.path) {
    const made = fs.sys("mount", [0], () => mountNamespace(host, caller, b, ns.pid));
    if (!made.ok) return { error: `mount: ${made.errno}` };
    if (typeof made.value !== "number") return made.value;
    ns.mnt = ownMnt = made.value;
  }
  const cgroup = `/${id}`;
  createCgroup(host, cgroup);
  const init = spawnTask(host, {
    ppid, argv: ["runc", "init"], cred: { uid: b.uid, gid: b.gid, groups: [b.gid], caps: [...b.caps] }, tty: "?",
    ...(b.selinuxLabel ? { label: b.selinuxLabel } : {}), cgroup, ns, containerId: `runc:${id}`, seccomp: null,
    cwd: b.cwd, rssKiB: 2600, vszKiB: 12000,
  });
  return { init, ...(ownMnt !== undefined ? { ownMnt } : {}) };
}
