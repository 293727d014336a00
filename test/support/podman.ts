// Real podman on this machine for the local target's tests, as shared/reference/real-podman-on-these-machines.md
// found it working (Debian 12, root, no SELinux, no systemd as PID 1, no registry):
// - a private containers.conf and storage.conf in a temp dir, used through CONTAINERS_CONF and
//   CONTAINERS_STORAGE_CONF, so nothing in /etc or /var/lib/containers changes: runc (crun refuses the hybrid cgroup
//   layout), cgroupfs (systemd is not PID 1), file events and locks, ulimits the machine allows (its nofile hard
//   limit is 20000, podman's default 1048576 makes runc fail), `netns = "none"` so no bridge or iptables rule
//   is ever made on the host, and a network_config_dir of our own so /etc/cni is not touched either;
// - images built locally: a busybox-static root file system (plus coreutils' chmod with its libraries, since the
//   lab's seccomp step wants GNU's exact message and its fchmodat call), `podman import`ed under the names the lab
//   pulls, since no registry is reachable.
import { execa, type Options } from "execa";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface PodmanSandbox {
  dir: string;
  /** CONTAINERS_CONF, CONTAINERS_STORAGE_CONF (pass to anything that runs podman) */
  env: Record<string, string>;
  /** runs podman with the sandbox's configuration */
  podman(args: string[], options?: Options): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  /** removes every container, unmounts, deletes the storage */
  cleanup(): Promise<void>;
}

/** Whether podman, runc and busybox-static are installed (scripts/ci-deps.mjs) and we are root. */
export function podmanAvailable(): boolean {
  return process.getuid?.() === 0 && ["/usr/bin/podman", "/usr/sbin/runc", "/bin/busybox"].some(existsSync) && existsSync("/bin/busybox");
}

/** Sets up private podman configuration and storage, and imports `images` (names) built from busybox. */
export async function startPodman(images: Array<{ name: string; cmd?: string[] }>): Promise<PodmanSandbox> {
  const dir = await mkdtemp(join(tmpdir(), "hostlab-podman-"));
  const conf = join(dir, "containers.conf");
  const storage = join(dir, "storage.conf");
  await writeFile(
    conf,
    [
      "[containers]",
      'netns = "none"',
      'default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]',
      "[engine]",
      'runtime = "runc"',
      'cgroup_manager = "cgroupfs"',
      'events_logger = "file"',
      `events_logfile_path = "${join(dir, "events.log")}"`,
      'lock_type = "file"',
      `tmp_dir = "${join(dir, "tmp")}"`,
      "[network]",
      `network_config_dir = "${join(dir, "networks")}"`,
      "",
    ].join("\n"),
  );
  await writeFile(storage, ["[storage]", 'driver = "overlay"', `graphroot = "${join(dir, "graph")}"`, `runroot = "${join(dir, "run")}"`, ""].join("\n"));
  const env = { CONTAINERS_CONF: conf, CONTAINERS_STORAGE_CONF: storage };
  const podman = async (args: string[], options: Options = {}) => {
    const r = await execa("podman", args, { reject: false, stdin: "ignore", ...options, env: { ...env, ...(options.env ?? {}) } });
    return { stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? ""), exitCode: r.exitCode ?? 1 };
  };
  const tar = join(dir, "rootfs.tar");
  await buildRootfs(join(dir, "rootfs"), tar);
  for (const image of images) {
    const changes = image.cmd ? ["--change", `CMD ${JSON.stringify(image.cmd)}`] : ["--change", 'CMD ["/bin/sh"]'];
    const r = await podman(["import", "-q", ...changes, tar, image.name]);
    if (r.exitCode !== 0) throw new Error(`podman import ${image.name} failed: ${r.stderr}`);
  }
  return {
    dir,
    env,
    podman,
    // Not `podman system reset`: it also removes networks, and a network's configuration may live outside `dir`.
    async cleanup() {
      await podman(["rm", "-a", "-f", "-t", "0"]);
      await podman(["rmi", "-a", "-f"]);
      // The overlay driver bind-mounts its own home; unmount whatever is left under `dir`, deepest first.
      const mounts = readFileSync("/proc/self/mounts", "utf8").split("\n").map((l) => l.split(" ")[1]).filter((m) => m?.startsWith(dir + "/"));
      for (const m of mounts.sort((a, b) => b.length - a.length)) await execa("umount", ["-l", m], { reject: false });
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

async function buildRootfs(root: string, tar: string): Promise<void> {
  for (const d of ["bin", "sbin", "etc", "tmp", "proc", "sys", "dev", "mnt", "root", "usr/bin", "var"]) await mkdir(join(root, d), { recursive: true });
  await copyFile("/bin/busybox", join(root, "bin/busybox"));
  await chmod(join(root, "bin/busybox"), 0o755);
  const applets = execFileSync("/bin/busybox", ["--list"], { encoding: "utf8" }).split("\n").filter(Boolean);
  for (const a of applets) if (a !== "busybox" && a !== "chmod") await symlink("busybox", join(root, "bin", a)).catch(() => undefined);
  // GNU chmod and the libraries it links, at their own paths.
  await copyFile("/bin/chmod", join(root, "bin/chmod"));
  await chmod(join(root, "bin/chmod"), 0o755);
  const libs = execFileSync("ldd", ["/bin/chmod"], { encoding: "utf8" }).match(/\/\S+/g) ?? [];
  for (const lib of libs) {
    await mkdir(join(root, dirname(lib)), { recursive: true });
    await copyFile(lib, join(root, lib));
  }
  await writeFile(join(root, "etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
  await writeFile(join(root, "etc/group"), "root:x:0:\n");
  await writeFile(join(root, "etc/hosts"), "127.0.0.1 localhost\n");
  await execa("tar", ["-C", root, "-cf", tar, "."]);
}
