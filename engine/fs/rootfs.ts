/**
 * The installed system: the root file system a RHEL host has after installation (the FHS tree of
 * hier(7), with /bin → usr/bin as on RHEL 7+), labelled by the policy's file contexts as `restorecon` left it,
 * and the mounts systemd sets up at boot (xfs on /, proc, sysfs, devtmpfs, tmpfs on /run and /dev/shm, the
 * cgroup hierarchies of the profile's cgroup version, /boot). Contents are data from the profile.
 */
import type { Host } from "../host.js";
import { defaultFileLabel } from "../kernel/selinux.js";
import { V1_HIERARCHIES } from "../kernel/cgroups.js";
import { allocInode } from "./inode.js";
import { addMount } from "./mounts.js";
import { kernelFs } from "./fs-view.js";
import type { CreateSpec } from "./vfs.js";

const DAY = 86_400_000;

/**
 * Programs installed in /usr/bin (coreutils, util-linux, procps-ng, findutils, grep, sed, gawk, tar, gzip, diffutils,
 * jq, bash …). The shell finds a command only through a file on PATH, as bash does; commands installed later
 * (container engines) get theirs from createHost.
 */
export const BINARIES = [
  "awk", "base64", "basename", "bash", "cat", "chcon", "chmod", "chown", "clear", "column", "comm", "cp", "cut", "date",
  "df", "diff", "dirname", "du", "echo", "egrep", "env", "expand", "expr", "false", "fgrep", "file", "find", "fold",
  "free", "gawk", "getenforce", "grep", "gunzip", "gzip", "head", "hostname", "id", "jq", "join", "kill", "less", "ln",
  "ls", "md5sum", "mkdir", "more", "mount", "mv", "nl", "od", "paste", "printenv", "printf", "ps", "pwd", "readlink",
  "rev", "rm", "rmdir", "sed", "seq", "sh", "sha1sum", "sha256sum", "sleep", "sort", "split", "stat", "strings", "tac",
  "tail", "tar", "tee", "time", "timeout", "top", "touch", "tr", "tree", "true", "umount", "uname", "unexpand", "uniq",
  "vi", "wc", "which", "whoami", "xargs", "zcat", "runc", "conmon",
];

/** Lays out the root file system and the boot mounts of the initial mount namespace. */
export function buildRootFs(host: Host): void {
  const p = host.profile;
  const installed = host.clock.bootMs - 41 * DAY;
  const rootInode = allocInode(host.inodes, { type: "dir", mode: 0o555, uid: 0, gid: 0, label: defaultFileLabel("/"), timeMs: installed });
  const mntns = host.namespaces.init.mnt;
  addMount(host, mntns, { target: "/", fstype: "xfs", source: "/dev/mapper/rhel-root", options: ["rw", "relatime", "seclabel", "attr2", "inode64", "noquota"], root: { kind: "inode", ino: rootInode.ino } });
  const fs = kernelFs(host);
  const t = (path: string, spec: Omit<CreateSpec, "label">, ageDays = 41): void => {
    fs.createSync(path, { ...spec, label: defaultFileLabel(path) });
    const ms = host.clock.bootMs - ageDays * DAY;
    fs.utimesSync(path, ms, ms);
  };
  const dir = (path: string, mode = 0o755, ageDays = 41): void => t(path, { type: "dir", mode }, ageDays);
  const file = (path: string, data: string, mode = 0o644, ageDays = 41): void => t(path, { type: "file", mode, data }, ageDays);
  const link = (path: string, target: string): void => t(path, { type: "symlink", mode: 0o777, target });

  for (const d of ["/boot", "/dev", "/etc", "/home", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/srv", "/sys", "/usr", "/var"]) {
    dir(d, d === "/root" ? 0o550 : d === "/proc" || d === "/sys" ? 0o555 : 0o755);
  }
  dir("/tmp", 0o1777, 0);
  for (const d of ["bin", "sbin", "lib", "lib64", "libexec", "local", "share", "include", "src"]) dir(`/usr/${d}`, d === "bin" || d === "sbin" ? 0o555 : 0o755);
  for (const [l, target] of [["/bin", "usr/bin"], ["/sbin", "usr/sbin"], ["/lib", "usr/lib"], ["/lib64", "usr/lib64"]]) link(l, target);
  for (const b of BINARIES) file(`/usr/bin/${b}`, `\x7fELF ${b}\n`, 0o755);
  for (const d of ["/var/lib", "/var/log", "/var/tmp", "/var/cache", "/var/spool", "/var/lib/containers", "/var/lib/containers/storage", "/var/lib/docker", "/usr/share/containers", "/etc/containers", "/etc/docker", "/etc/selinux", "/etc/selinux/targeted", "/etc/sysconfig", "/dev/pts", "/dev/shm", "/dev/mqueue", "/run/containers", "/run/user", "/run/user/0", "/home/student", "/sys/fs", "/sys/fs/cgroup", "/sys/fs/selinux", "/sys/kernel"]) {
    dir(d, d === "/var/tmp" ? 0o1777 : d === "/home/student" ? 0o700 : 0o755);
  }
  fs.chownSync("/home/student", 1000, 1000);
  link("/var/run", "../run");
  fs.chmodSync("/tmp", 0o1777);

  const accounts = p.accounts;
  file("/etc/passwd", accounts.map((a) => `${a.name}:x:${a.uid}:${a.gid}:${a.gecos}:${a.home}:${a.shell}\n`).join(""));
  file("/etc/group", accounts.map((a) => `${a.name}:x:${a.gid}:\n`).join(""));
  file("/etc/shadow", accounts.map((a) => `${a.name}:${a.uid === 0 ? "$6$lab$Wz0nS1mul4tedHash" : "!!"}:18700:0:99999:7:::\n`).join(""), 0o000);
  file("/etc/hostname", `${p.hostname}\n`, 0o644, 0);
  file("/etc/hosts", "127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n");
  file("/etc/resolv.conf", "# Generated by NetworkManager\nsearch example.com\nnameserver 10.0.2.3\n", 0o644, 0);
  file("/etc/os-release", p.osRelease);
  file("/etc/redhat-release", p.redhatRelease);
  file("/etc/fstab", "/dev/mapper/rhel-root   /       xfs     defaults        0 0\nUUID=4f6e1c1e-6a3c-4c0b-9a3e-0c55f0c3b2a1 /boot xfs defaults 0 0\n/dev/mapper/rhel-swap   swap    swap    defaults        0 0\n");
  file("/etc/selinux/config", "SELINUX=enforcing\nSELINUXTYPE=targeted\n");
  file("/etc/containers/registries.conf", '[registries.search]\nregistries = ["registry.access.redhat.com", "docker.io", "quay.io"]\n');
  file("/etc/containers/policy.json", '{\n    "default": [\n        {\n            "type": "insecureAcceptAnything"\n        }\n    ]\n}\n');
  file("/root/.bashrc", "# .bashrc\n\nalias rm='rm -i'\nalias cp='cp -i'\nalias mv='mv -i'\n\nif [ -f /etc/bashrc ]; then\n\t. /etc/bashrc\nfi\n");
  file("/root/.bash_profile", "# .bash_profile\n\nif [ -f ~/.bashrc ]; then\n\t. ~/.bashrc\nfi\n\nPATH=$PATH:$HOME/bin\nexport PATH\n");
  file("/root/anaconda-ks.cfg", "#version=RHEL\ninstall\ncdrom\nlang en_US.UTF-8\n", 0o600);
  // character devices (major, minor as devices.txt lists them); writes to them vanish, reads give nothing
  const dev = (path: string, rdev: [number, number], mode = 0o666): void => {
    fs.createSync(path, { type: "chr", mode, rdev, label: path === "/dev/null" || path === "/dev/zero" ? "system_u:object_r:null_device_t:s0" : path.includes("random") ? "system_u:object_r:random_device_t:s0" : "system_u:object_r:devtty_t:s0" });
  };
  dev("/dev/null", [1, 3]);
  dev("/dev/zero", [1, 5]);
  dev("/dev/random", [1, 8]);
  dev("/dev/urandom", [1, 9]);
  dev("/dev/tty", [5, 0]);
  for (const [name, fd] of [["stdin", 0], ["stdout", 1], ["stderr", 2]] as const) {
    fs.createSync(`/dev/${name}`, { type: "symlink", mode: 0o777, target: `/proc/self/fd/${fd}`, label: "system_u:object_r:device_t:s0" });
  }
  file("/root/.bash_logout", "# ~/.bash_logout\n\n");
  file("/root/.cshrc", "# .cshrc\n\nalias rm 'rm -i'\nalias cp 'cp -i'\nalias mv 'mv -i'\n\nset prompt=\\[`id -nu`@`hostname -s`\\]\\#\\ \n");
  file("/root/.tcshrc", "# .tcshrc\n\nalias rm 'rm -i'\nalias cp 'cp -i'\nalias mv 'mv -i'\n\nset prompt=\\[%n@%m\\ %c\\]#\\ \n");

  // boot mounts: each mounts the directory already there (so its contents stay), proc is generated
  const self = (target: string, fstype: string, source: string, options: string[]): void => {
    const ino = fs.statSync(target).ino;
    addMount(host, mntns, { target, fstype, source, options, root: { kind: "inode", ino } });
  };
  self("/sys", "sysfs", "sysfs", ["rw", "nosuid", "nodev", "noexec", "relatime", "seclabel"]);
  addMount(host, mntns, { target: "/proc", fstype: "proc", source: "proc", options: ["rw", "nosuid", "nodev", "noexec", "relatime"], root: { kind: "proc", pidns: host.namespaces.init.pid } });
  self("/dev", "devtmpfs", "devtmpfs", ["rw", "nosuid", "seclabel", "size=1928300k", "nr_inodes=482075", "mode=755"]);
  self("/dev/shm", "tmpfs", "tmpfs", ["rw", "nosuid", "nodev", "seclabel"]);
  self("/dev/pts", "devpts", "devpts", ["rw", "nosuid", "noexec", "relatime", "seclabel", "gid=5", "mode=620", "ptmxmode=000"]);
  self("/run", "tmpfs", "tmpfs", ["rw", "nosuid", "nodev", "seclabel", "mode=755"]);
  // the cgroup hierarchies are generated from the kernel's cgroup tree (engine/fs/cgroupfs.ts)
  if (p.cgroupVersion === 2) {
    addMount(host, mntns, { target: "/sys/fs/cgroup", fstype: "cgroup2", source: "cgroup2", options: ["rw", "nosuid", "nodev", "noexec", "relatime", "seclabel", "nsdelegate", "memory_recursiveprot"], root: { kind: "cgroup", hierarchy: "" } });
  } else {
    const cg = "system_u:object_r:cgroup_t:s0";
    for (const h of V1_HIERARCHIES) fs.createSync(`/sys/fs/cgroup/${h}`, { type: "dir", mode: 0o755, label: cg });
    for (const [l, target] of [["cpu", "cpu,cpuacct"], ["cpuacct", "cpu,cpuacct"], ["net_cls", "net_cls,net_prio"], ["net_prio", "net_cls,net_prio"]]) {
      fs.createSync(`/sys/fs/cgroup/${l}`, { type: "symlink", mode: 0o777, target, label: cg });
    }
    self("/sys/fs/cgroup", "tmpfs", "tmpfs", ["ro", "nosuid", "nodev", "noexec", "seclabel", "mode=755"]);
    for (const h of V1_HIERARCHIES) {
      const opts = h === "systemd" ? ["xattr", "release_agent=/usr/lib/systemd/systemd-cgroups-agent", "name=systemd"] : h.split(",");
      addMount(host, mntns, { target: `/sys/fs/cgroup/${h}`, fstype: "cgroup", source: "cgroup", options: ["rw", "nosuid", "nodev", "noexec", "relatime", "seclabel", ...opts], root: { kind: "cgroup", hierarchy: h === "systemd" ? "systemd" : h } });
    }
  }
  self("/sys/fs/selinux", "selinuxfs", "selinuxfs", ["rw", "relatime"]);
  self("/dev/mqueue", "mqueue", "mqueue", ["rw", "relatime", "seclabel"]);
  self("/boot", "xfs", "/dev/sda1", ["rw", "relatime", "seclabel", "attr2", "inode64", "noquota"]);
  self("/run/user/0", "tmpfs", "tmpfs", ["rw", "nosuid", "nodev", "relatime", "seclabel", "size=388020k", "mode=700"]);
}
