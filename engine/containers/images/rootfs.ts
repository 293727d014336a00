/**
 * The root file systems of the catalogue's images, generated from a little data per distro: the FHS directories,
 * /etc/os-release, /etc/hosts, /etc/passwd and /etc/group, and the programs under /usr/bin (so `ls /usr/bin` and
 * "executable file not found" behave). Files are small placeholders with believable names and modes; their
 * contents matter only where a lab reads them (os-release, passwd, hosts).
 *
 * What always holds: an image's tree is built once per host and shared by every container as an overlay lower
 * layer, never copied (engine/containers/storage.ts). RHEL 7 and later merge /bin, /sbin and /lib* into /usr as
 * symlinks; busybox is one binary linked under many names; alpine keeps /bin and /sbin as real directories.
 */

export type DistroName = "rhel7" | "rhel8" | "rhel9" | "fedora" | "busybox" | "alpine";

/** One entry of a generated tree (parents are listed before children). */
export interface RootfsEntry {
  path: string;
  type: "dir" | "file" | "symlink";
  mode: number;
  data?: string;
  target?: string;
}

const OS_RELEASE: Record<DistroName, string> = {
  rhel7: `NAME="Red Hat Enterprise Linux Server"
VERSION="7.9 (Maipo)"
ID="rhel"
ID_LIKE="fedora"
VARIANT="Server"
VARIANT_ID="server"
VERSION_ID="7.9"
PRETTY_NAME="Red Hat Enterprise Linux Server 7.9 (Maipo)"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:redhat:enterprise_linux:7.9:GA:server"
HOME_URL="https://www.redhat.com/"
BUG_REPORT_URL="https://bugzilla.redhat.com/"

REDHAT_BUGZILLA_PRODUCT="Red Hat Enterprise Linux 7"
REDHAT_BUGZILLA_PRODUCT_VERSION=7.9
REDHAT_SUPPORT_PRODUCT="Red Hat Enterprise Linux"
REDHAT_SUPPORT_PRODUCT_VERSION="7.9"
`,
  rhel8: `NAME="Red Hat Enterprise Linux"
VERSION="8.10 (Ootpa)"
ID="rhel"
ID_LIKE="fedora"
VERSION_ID="8.10"
PLATFORM_ID="platform:el8"
PRETTY_NAME="Red Hat Enterprise Linux 8.10 (Ootpa)"
ANSI_COLOR="0;31"
LOGO="fedora-logo-icon"
CPE_NAME="cpe:/o:redhat:enterprise_linux:8::baseos"
HOME_URL="https://www.redhat.com/"
DOCUMENTATION_URL="https://access.redhat.com/documentation/en-us/red_hat_enterprise_linux/8"
BUG_REPORT_URL="https://issues.redhat.com/"

REDHAT_BUGZILLA_PRODUCT="Red Hat Enterprise Linux 8"
REDHAT_BUGZILLA_PRODUCT_VERSION=8.10
REDHAT_SUPPORT_PRODUCT="Red Hat Enterprise Linux"
REDHAT_SUPPORT_PRODUCT_VERSION="8.10"
`,
  rhel9: `NAME="Red Hat Enterprise Linux"
VERSION="9.5 (Plow)"
ID="rhel"
ID_LIKE="fedora"
VERSION_ID="9.5"
PLATFORM_ID="platform:el9"
PRETTY_NAME="Red Hat Enterprise Linux 9.5 (Plow)"
ANSI_COLOR="0;31"
LOGO="fedora-logo-icon"
CPE_NAME="cpe:/o:redhat:enterprise_linux:9::baseos"
HOME_URL="https://www.redhat.com/"
DOCUMENTATION_URL="https://access.redhat.com/documentation/en-us/red_hat_enterprise_linux/9"
BUG_REPORT_URL="https://issues.redhat.com/"

REDHAT_BUGZILLA_PRODUCT="Red Hat Enterprise Linux 9"
REDHAT_BUGZILLA_PRODUCT_VERSION=9.5
REDHAT_SUPPORT_PRODUCT="Red Hat Enterprise Linux"
REDHAT_SUPPORT_PRODUCT_VERSION="9.5"
`,
  fedora: `NAME="Fedora Linux"
VERSION="41 (Container Image)"
RELEASE_TYPE=stable
ID=fedora
VERSION_ID=41
VERSION_CODENAME=""
PLATFORM_ID="platform:f41"
PRETTY_NAME="Fedora Linux 41 (Container Image)"
ANSI_COLOR="0;38;2;60;110;180"
LOGO=fedora-logo-icon
CPE_NAME="cpe:/o:fedoraproject:fedora:41"
DEFAULT_HOSTNAME="fedora"
HOME_URL="https://fedoraproject.org/"
DOCUMENTATION_URL="https://docs.fedoraproject.org/en-US/fedora/f41/system-administrators-guide/"
SUPPORT_URL="https://ask.fedoraproject.org/"
BUG_REPORT_URL="https://bugzilla.redhat.com/"
REDHAT_BUGZILLA_PRODUCT="Fedora"
REDHAT_BUGZILLA_PRODUCT_VERSION=41
REDHAT_SUPPORT_PRODUCT="Fedora"
REDHAT_SUPPORT_PRODUCT_VERSION=41
SUPPORT_END=2025-12-15
VARIANT="Container Image"
VARIANT_ID=container
`,
  alpine: `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.21.2
PRETTY_NAME="Alpine Linux v3.21"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`,
  busybox: "",
};

const RH_HOSTS =
  "127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n" +
  "::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n";

/** Programs every RHEL-family image has in /usr/bin (coreutils, procps-ng, util-linux, bash, grep, sed …). */
const RH_BIN =
  "arch awk base64 basename bash capsh cat chcon chgrp chmod chown cksum comm cp csplit cut date dd df dir dircolors dmesg " +
  "dirname du echo egrep env expand expr factor false fgrep find fmt fold free getent grep groups gzip head " +
  "hostid hostname id info install join kill less link ln logname ls md5sum mkdir mkfifo mknod mktemp more " +
  "mount mv nice nl nohup nproc numfmt od paste pathchk pgrep pinky pkill pmap pr printenv printf ps ptx pwd " +
  "pwdx readlink realpath rm rmdir runcon sed seq sh sha1sum sha256sum shred shuf sleep slabtop sort split stat " +
  "stdbuf stty sum sync tac tail tar tee test timeout tload top touch tr true truncate tsort tty umount uname " +
  "unexpand uniq unlink unshare uptime users vdir vi vmstat w watch wc who whoami xargs yes zcat";
const RH_SBIN = "agetty blkid chroot fsck halt ldconfig mkfs nologin pivot_root reboot shutdown sulogin switch_root";
const RHEL7_EXTRA_BIN = "python rpm yum";
const RHEL8PLUS_EXTRA_BIN = "dnf microdnf python3 rpm yum";

/** busybox applets a lab is likely to call. */
const BUSYBOX_APPLETS =
  "ash awk base64 basename cat chgrp chmod chown cp cut date dd df dirname dmesg du echo egrep env expr false " +
  "fgrep find free grep gunzip gzip head hostname id ip ipcs kill killall less ln ls mkdir mknod mktemp more " +
  "mount mv netstat nslookup ping printenv printf ps pwd readlink realpath rm rmdir sed seq sh sleep sort stat " +
  "sync tail tar tee test top touch tr true umount uname uniq uptime vi watch wc wget which whoami xargs yes";

interface Account {
  line: string;
  group: string;
}

function rhAccounts(nobodyId: number): Account[] {
  return [
    { line: "root:x:0:0:root:/root:/bin/bash", group: "root:x:0:" },
    { line: "bin:x:1:1:bin:/bin:/sbin/nologin", group: "bin:x:1:" },
    { line: "daemon:x:2:2:daemon:/sbin:/sbin/nologin", group: "daemon:x:2:" },
    { line: "adm:x:3:4:adm:/var/adm:/sbin/nologin", group: "sys:x:3:" },
    { line: "lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin", group: "adm:x:4:" },
    { line: "sync:x:5:0:sync:/sbin:/bin/sync", group: "tty:x:5:" },
    { line: "shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown", group: "disk:x:6:" },
    { line: "halt:x:7:0:halt:/sbin:/sbin/halt", group: "lp:x:7:" },
    { line: "mail:x:8:12:mail:/var/spool/mail:/sbin/nologin", group: "mem:x:8:" },
    { line: "operator:x:11:0:operator:/root:/sbin/nologin", group: "kmem:x:9:" },
    { line: "games:x:12:100:games:/usr/games:/sbin/nologin", group: "wheel:x:10:" },
    { line: "ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin", group: "mail:x:12:" },
    { line: `nobody:x:${nobodyId}:${nobodyId}:${nobodyId === 99 ? "Nobody" : "Kernel Overflow User"}:/:/sbin/nologin`, group: `nobody:x:${nobodyId}:` },
  ];
}

const DIR = 0o755;

/** The tree of a distro's image, parents first. */
export function rootfsEntries(distro: DistroName): RootfsEntry[] {
  const out: RootfsEntry[] = [];
  const dir = (path: string, mode = DIR) => out.push({ path, type: "dir", mode });
  const file = (path: string, data: string, mode = 0o644) => out.push({ path, type: "file", mode, data });
  const link = (path: string, target: string) => out.push({ path, type: "symlink", mode: 0o777, target });
  const bins = (d: string, names: string, data: string) => {
    for (const n of names.split(" ")) file(`${d}/${n}`, data, 0o755);
  };

  if (distro === "busybox") {
    for (const d of ["/bin", "/dev", "/etc", "/home", "/lib", "/root", "/tmp", "/usr", "/usr/sbin", "/var", "/var/spool", "/var/www"]) {
      dir(d, d === "/tmp" ? 0o1777 : d === "/root" ? 0o700 : DIR);
    }
    link("/lib64", "lib");
    file("/bin/busybox", "\x7fELF busybox\n", 0o755);
    for (const n of BUSYBOX_APPLETS.split(" ")) file(`/bin/${n}`, "\x7fELF busybox\n", 0o755);
    file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n");
    file("/etc/group", "root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nwheel:x:10:root\nmail:x:8:\nwww-data:x:33:\nusers:x:100:\nnogroup:x:65534:\n");
    file("/etc/shadow", "root:*:10933:0:99999:7:::\n", 0o600);
    file("/etc/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
    file("/etc/hostname", "");
    return out;
  }

  if (distro === "alpine") {
    for (const d of ["/bin", "/dev", "/etc", "/etc/apk", "/home", "/lib", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/lib", "/usr/local", "/usr/sbin", "/usr/share", "/var", "/var/cache", "/var/log", "/var/tmp"]) {
      dir(d, d === "/tmp" || d === "/var/tmp" ? 0o1777 : d === "/root" ? 0o700 : DIR);
    }
    file("/bin/busybox", "\x7fELF busybox\n", 0o755);
    for (const n of BUSYBOX_APPLETS.split(" ")) link(`/bin/${n}`, "/bin/busybox");
    file("/sbin/apk", "\x7fELF apk\n", 0o755);
    file("/lib/ld-musl-x86_64.so.1", "\x7fELF musl\n", 0o755);
    file("/etc/os-release", OS_RELEASE.alpine);
    file("/etc/alpine-release", "3.21.2\n");
    file("/etc/hosts", "127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n");
    file("/etc/hostname", "localhost\n");
    file("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/mail:/sbin/nologin\nnews:x:9:13:news:/usr/lib/news:/sbin/nologin\noperator:x:11:0:operator:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n");
    file("/etc/group", "root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nsys:x:3:root,bin\nadm:x:4:root,daemon\ntty:x:5:\nwheel:x:10:root\nnobody:x:65534:\n");
    file("/etc/shadow", "root:*::0:::::\n", 0o640);
    return out;
  }

  // The RHEL family: / with the /usr merge symlinks.
  for (const d of ["/boot", "/dev", "/etc", "/home", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/srv", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/local", "/usr/local/bin", "/usr/share", "/var", "/var/cache", "/var/lib", "/var/log", "/var/tmp"]) {
    dir(d, d === "/tmp" || d === "/var/tmp" ? 0o1777 : d === "/root" ? 0o550 : d === "/proc" || d === "/sys" ? 0o555 : DIR);
  }
  link("/bin", "usr/bin");
  link("/sbin", "usr/sbin");
  link("/lib", "usr/lib");
  link("/lib64", "usr/lib64");
  bins("/usr/bin", RH_BIN + " " + (distro === "rhel7" ? RHEL7_EXTRA_BIN : RHEL8PLUS_EXTRA_BIN), "\x7fELF\x02\x01\x01\n");
  bins("/usr/sbin", RH_SBIN, "\x7fELF\x02\x01\x01\n");
  for (const lib of ["ld-linux-x86-64.so.2", "libc.so.6", "libselinux.so.1", "libacl.so.1", "libattr.so.1", "libpcre.so.1", "libtinfo.so.5", "libdl.so.2", "libpthread.so.0"]) {
    file(`/usr/lib64/${lib}`, "\x7fELF\x02\x01\x01\n", 0o755);
  }
  const nobody = distro === "rhel7" ? 99 : 65534;
  const accounts = rhAccounts(nobody);
  file("/etc/os-release", OS_RELEASE[distro]);
  if (distro !== "fedora") {
    const release = OS_RELEASE[distro].match(/^PRETTY_NAME="(.*)"$/m)![1]!.replace(/ (\d)/, " release $1");
    file("/etc/redhat-release", `${release}\n`);
  } else {
    file("/etc/fedora-release", "Fedora release 41 (Forty One)\n");
  }
  file("/etc/hosts", RH_HOSTS);
  file("/etc/hostname", "");
  file("/etc/passwd", accounts.map((a) => a.line).join("\n") + "\n");
  file("/etc/group", accounts.map((a) => a.group).join("\n") + "\n");
  file("/etc/shadow", "root:!locked::0:99999:7:::\n", 0o000);
  file("/etc/resolv.conf", "");
  file("/root/.bashrc", "# .bashrc\n\n# User specific aliases and functions\n\nalias rm='rm -i'\nalias cp='cp -i'\nalias mv='mv -i'\n");
  return out;
}
