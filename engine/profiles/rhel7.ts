/**
 * RHEL 7.x as the seed notes' host was (2019): kernel 3.10, coreutils 8.22 with Red Hat's `ls -Z` layout,
 * procps-ng 3.3.10, podman 1.x, docker 1.13 run by `dockerd-current`, cgroup v1, SELinux enforcing.
 */
import type { HostProfile } from "./profile.js";
import { commonAccounts, commonBoot } from "./common.js";

const DOCKERD =
  "/usr/bin/dockerd-current --add-runtime docker-runc=/usr/libexec/docker/docker-runc-current " +
  "--default-runtime=docker-runc --authorization-plugin=rhel-push-plugin --exec-opt native.cgroupdriver=systemd " +
  "--userland-proxy-path=/usr/libexec/docker/docker-proxy-current --init-path=/usr/libexec/docker/docker-init-current " +
  "--seccomp-profile=/etc/docker/seccomp.json --selinux-enabled --log-driver=journald --signature-verification=false " +
  "--storage-driver overlay2";
const CONTAINERD =
  "/usr/bin/docker-containerd-current -l unix:///var/run/docker/libcontainerd/docker-containerd.sock " +
  "--metrics-interval=0 --start-timeout 2m --state-dir /var/run/docker/libcontainerd/containerd " +
  "--shim docker-containerd-shim --runtime docker-runc --runtime-args --systemd-cgroup=true";

export const rhel7: HostProfile = {
  name: "rhel7",
  osRelease: [
    'NAME="Red Hat Enterprise Linux Server"',
    'VERSION="7.7 (Maipo)"',
    'ID="rhel"',
    'ID_LIKE="fedora"',
    'VARIANT="Server"',
    'VARIANT_ID="server"',
    'VERSION_ID="7.7"',
    'PRETTY_NAME="Red Hat Enterprise Linux Server 7.7 (Maipo)"',
    'ANSI_COLOR="0;31"',
    'CPE_NAME="cpe:/o:redhat:enterprise_linux:7.7:GA:server"',
    'HOME_URL="https://www.redhat.com/"',
    'BUG_REPORT_URL="https://bugzilla.redhat.com/"',
    "",
  ].join("\n"),
  redhatRelease: "Red Hat Enterprise Linux Server release 7.7 (Maipo)\n",
  hostname: "rhel7",
  kernelRelease: "3.10.0-1062.el7.x86_64",
  kernelVersion: "#1 SMP Thu Jul 18 20:25:13 UTC 2019",
  lsZFormat: "rhel7",
  coreutilsQuoting: "8.22",
  podmanVersion: "1.4.4",
  dockerVersion: "1.13.1",
  cgroupVersion: 1,
  uptimeSeconds: 3 * 3600 + 17 * 60,
  boot: commonBoot({
    systemdArgv: ["/usr/lib/systemd/systemd", "--switched-root", "--system", "--deserialize", "22"],
    dockerd: [DOCKERD.split(" "), CONTAINERD.split(" ")],
  }),
  pidsAfterBoot: 4980,
  accounts: commonAccounts(),
  memTotalKiB: 3880192,
  cpus: 2,
};
