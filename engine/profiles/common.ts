/**
 * What RHEL hosts share after boot: systemd as pid 1, a few kernel threads, journald, sshd and the student's
 * login (sshd session + `-bash` on pts/0), and the accounts in /etc/passwd. Each profile passes its own
 * command lines; the shape is common data.
 */
import type { Account, BootProcess } from "./profile.js";

const INIT = "system_u:system_r:init_t:s0";
const KERNEL = "system_u:system_r:kernel_t:s0";
const UNCONFINED = "unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023";

/** The boot process list; `dockerd` lists the docker daemon's processes (the first is started by systemd). */
export function commonBoot(o: { systemdArgv: string[]; dockerd: string[][] }): BootProcess[] {
  const list: BootProcess[] = [
    { argv: o.systemdArgv, parent: -1, user: "root", tty: "?", label: INIT, cgroup: "/init.scope" },
    { argv: ["[kthreadd]"], parent: -1, user: "root", tty: "?", label: KERNEL, cgroup: "/", kthread: true },
  ];
  for (const k of ["[ksoftirqd/0]", "[kworker/0:0H]", "[migration/0]", "[rcu_bh]", "[rcu_sched]", "[watchdog/0]", "[kdevtmpfs]", "[khungtaskd]", "[kswapd0]", "[xfsaild/dm-0]"]) {
    list.push({ argv: [k], parent: 1, user: "root", tty: "?", label: KERNEL, cgroup: "/", kthread: true });
  }
  const sys = (argv: string[], label: string, unit: string): BootProcess =>
    ({ argv, parent: 0, user: "root", tty: "?", label, cgroup: `/system.slice/${unit}` });
  list.push(sys(["/usr/lib/systemd/systemd-journald"], "system_u:system_r:syslogd_t:s0", "systemd-journald.service"));
  list.push(sys(["/usr/lib/systemd/systemd-udevd"], "system_u:system_r:udev_t:s0-s0:c0.c1023", "systemd-udevd.service"));
  list.push({ argv: ["/sbin/auditd"], parent: 0, user: "root", tty: "?", label: "system_u:system_r:auditd_t:s0", cgroup: "/system.slice/auditd.service" });
  list.push(sys(["/usr/lib/systemd/systemd-logind"], "system_u:system_r:systemd_logind_t:s0", "systemd-logind.service"));
  list.push({ argv: ["/usr/bin/dbus-daemon", "--system", "--address=systemd:", "--nofork", "--nopidfile", "--systemd-activation"], parent: 0, user: "dbus", tty: "?", label: "system_u:system_r:system_dbusd_t:s0-s0:c0.c1023", cgroup: "/system.slice/dbus.service" });
  list.push(sys(["/usr/sbin/crond", "-n"], "system_u:system_r:crond_t:s0-s0:c0.c1023", "crond.service"));
  list.push(sys(["/usr/sbin/NetworkManager", "--no-daemon"], "system_u:system_r:NetworkManager_t:s0", "NetworkManager.service"));
  const sshd = list.length;
  list.push(sys(["/usr/sbin/sshd", "-D"], "system_u:system_r:sshd_t:s0-s0:c0.c1023", "sshd.service"));
  const dockerd = list.length;
  o.dockerd.forEach((argv, i) => {
    list.push({ argv, parent: i === 0 ? 0 : dockerd, user: "root", tty: "?", label: "system_u:system_r:container_runtime_t:s0", cgroup: "/system.slice/docker.service" });
  });
  const session = list.length;
  list.push({ argv: ["sshd:", "root@pts/0"], parent: sshd, user: "root", tty: "?", label: UNCONFINED, cgroup: "/user.slice/user-0.slice/session-1.scope" });
  list.push({ argv: ["-bash"], parent: session, user: "root", tty: "pts/0", label: UNCONFINED, cgroup: "/user.slice/user-0.slice/session-1.scope", loginShell: true });
  return list;
}

/** /etc/passwd entries of a minimal RHEL server. */
export function commonAccounts(): Account[] {
  return [
    { name: "root", uid: 0, gid: 0, home: "/root", shell: "/bin/bash", gecos: "root" },
    { name: "bin", uid: 1, gid: 1, home: "/bin", shell: "/sbin/nologin", gecos: "bin" },
    { name: "daemon", uid: 2, gid: 2, home: "/sbin", shell: "/sbin/nologin", gecos: "daemon" },
    { name: "nobody", uid: 99, gid: 99, home: "/", shell: "/sbin/nologin", gecos: "Nobody" },
    { name: "dbus", uid: 81, gid: 81, home: "/", shell: "/sbin/nologin", gecos: "System message bus" },
    { name: "sshd", uid: 74, gid: 74, home: "/var/empty/sshd", shell: "/sbin/nologin", gecos: "Privilege-separated SSH" },
    { name: "student", uid: 1000, gid: 1000, home: "/home/student", shell: "/bin/bash", gecos: "Student" },
  ];
}
