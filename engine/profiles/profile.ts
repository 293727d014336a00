/**
 * A host profile: what distinguishes one real container host from another, as data.
 *
 * Two RHEL releases differ in kernel version, coreutils' `ls -Z` layout, procps' label column, the container
 * engines' versions, the cgroup hierarchy (v1 on RHEL 7, v2 on RHEL 9) and the daemons running after boot. None
 * of those differences is a code path: every command reads the profile and prints accordingly.
 */

/** One process a host has after boot (pids are assigned in order, with gaps, at createHost). */
export interface BootProcess {
  /** command line as `ps -ef` shows it */
  argv: string[];
  /** index into the boot list of the parent (-1 = pid 0, the kernel) */
  parent: number;
  /** user name (resolved through the profile's users) */
  user: string;
  /** controlling terminal, e.g. "pts/0"; "?" for none */
  tty: string;
  /** SELinux context of the process */
  label: string;
  /** cgroup path (v2 path; v1 hierarchies reuse it) */
  cgroup: string;
  /** marks the student's login shell: sessions attach to it */
  loginShell?: boolean;
  /** kernel thread: shown in brackets by ps */
  kthread?: boolean;
}

/** A login account in /etc/passwd. */
export interface Account {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
  gecos: string;
}

export interface HostProfile {
  /** "rhel7" | "rhel9" */
  name: string;
  /** /etc/os-release contents */
  osRelease: string;
  /** /etc/redhat-release contents */
  redhatRelease: string;
  hostname: string;
  /** uname -r */
  kernelRelease: string;
  /** uname -v */
  kernelVersion: string;
  /** coreutils' ls -Z layout: "rhel7" (mode user group context name) or "modern" (context as an extra column) */
  lsZFormat: "rhel7" | "modern";
  /**
   * coreutils quotes file names in its messages (8.25+: `ls: cannot access '/x'`, `File: /x`); 8.22 does not quote
   * in ls' errors and quotes stat's `File: '/x'`
   */
  coreutilsQuoting: "8.22" | "modern";
  /** versions the container engines report */
  podmanVersion: string;
  dockerVersion: string;
  /** cgroup hierarchy: 1 = legacy per-controller, 2 = unified */
  cgroupVersion: 1 | 2;
  /** seconds the host has been up when the lab starts */
  uptimeSeconds: number;
  /** processes running after boot, parents before children */
  boot: BootProcess[];
  /** how many pids the boot used up (the next pid handed out is above this) */
  pidsAfterBoot: number;
  accounts: Account[];
  /** total memory in KiB (top, free, /proc/meminfo) */
  memTotalKiB: number;
  cpus: number;
}
