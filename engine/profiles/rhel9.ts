/**
 * RHEL 9.x as a current host: kernel 5.14, coreutils 8.32 (upstream `ls -Z` layout), procps-ng 3.3.17,
 * podman 4.x, docker-ce's dockerd + containerd, cgroup v2, SELinux enforcing.
 */
import type { HostProfile } from "./profile.js";
import { commonAccounts, commonBoot } from "./common.js";

export const rhel9: HostProfile = {
  name: "rhel9",
  osRelease: [
    'NAME="Red Hat Enterprise Linux"',
    'VERSION="9.4 (Plow)"',
    'ID="rhel"',
    'ID_LIKE="fedora"',
    'VERSION_ID="9.4"',
    'PLATFORM_ID="platform:el9"',
    'PRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"',
    'ANSI_COLOR="0;31"',
    'LOGO="fedora-logo-icon"',
    'CPE_NAME="cpe:/o:redhat:enterprise_linux:9::baseos"',
    'HOME_URL="https://www.redhat.com/"',
    'DOCUMENTATION_URL="https://access.redhat.com/documentation/en-us/red_hat_enterprise_linux/9"',
    'BUG_REPORT_URL="https://issues.redhat.com/"',
    "",
  ].join("\n"),
  redhatRelease: "Red Hat Enterprise Linux release 9.4 (Plow)\n",
  hostname: "rhel9",
  kernelRelease: "5.14.0-427.13.1.el9_4.x86_64",
  kernelVersion: "#1 SMP PREEMPT_DYNAMIC Wed Apr 10 10:29:16 EDT 2024",
  lsZFormat: "modern",
  coreutilsQuoting: "modern",
  podmanVersion: "4.9.4-rhel",
  dockerVersion: "26.1.3",
  cgroupVersion: 2,
  uptimeSeconds: 2 * 3600 + 41 * 60,
  boot: commonBoot({
    systemdArgv: ["/usr/lib/systemd/systemd", "rhgb", "--switched-root", "--system", "--deserialize", "31"],
    dockerd: [
      ["/usr/bin/containerd"],
      ["/usr/bin/dockerd", "-H", "fd://", "--containerd=/run/containerd/containerd.sock"],
    ],
  }),
  pidsAfterBoot: 2140,
  accounts: commonAccounts(),
  memTotalKiB: 3825552,
  cpus: 2,
};
