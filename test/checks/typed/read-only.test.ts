// Probes only read the host: whyNotReadOnly refuses writers, and every probe the vocabulary generates passes it.
import { describe, expect, it } from "vitest";
import { checkProbes, parseCheckSpec } from "../../../checks/check.js";
import { whyNotReadOnly } from "../../../checks/typed/read-only.js";

describe("whyNotReadOnly", () => {
  it.each([
    "ps -efZ",
    "ls -dZ /tmp/selinux-test",
    "podman container inspect --format '{{.MountLabel}}' \"$(podman ps -a -l -q)\"",
    "podman mount",
    "mount | grep merged",
    "cat /proc/1/cgroup 2>/dev/null",
    "getenforce 2>/dev/null || ls -dZ / 2>/dev/null",
    "find /sys/fs/cgroup/ | grep abc",
    "grep 'rm -rf' /var/log/messages",
    "podman image ls",
    "echo 'a > b'",
    "systemctl status sshd",
    "podman logs web 2>&1 | tail -n 5",
    "runc state demo",
    "runc list",
    "crun --version",
  ])("allows %s", (command) => {
    expect(whyNotReadOnly(command)).toBeNull();
  });

  it.each([
    ["rm -rf /tmp/x", "`rm` changes the host"],
    ["echo hi > /etc/motd", "it writes to a file (> /etc/motd)"],
    ["cat a >> b", "it writes to a file (>> b)"],
    ["podman run --rm ubi7 true", "`podman run` changes containers or images"],
    ["podman mount on-off-container", "`podman mount on-off-container` mounts the container (plain `podman mount` only lists)"],
    ["ls; touch /x", "`touch` changes the host"],
    ["echo $(chcon -t x /y)", "`chcon` changes the host"],
    ["sudo cat /etc/shadow", "`sudo` runs a command hostlab can't check; write the command itself"],
    ["sed -i s/a/b/ /etc/x", "`sed -i` edits a file"],
    ["find / -name x -delete", "`find` with -delete/-exec can change the host"],
    ["mount -o remount,rw /", "`mount` with a device or options mounts something (plain `mount` only lists)"],
    ["systemctl restart sshd", "`systemctl` would change a service"],
    ["podman system reset", "`podman system reset` changes the host"],
    ["ps | xargs kill", "`kill` changes the host"],
    ["docker rm -f web", "`docker rm` changes containers or images"],
    ["runc kill demo KILL", "`runc` changes the host"],
    ["runc run -d demo", "`runc` changes the host"],
    ["/usr/bin/rm x", "`rm` changes the host"],
  ])("refuses %s", (command, why) => {
    expect(whyNotReadOnly(command)).toBe(why);
  });

  it("passes every probe the vocabulary itself generates (except seccomp's probe: run)", () => {
    const yaml = `
- {type: process, title: t, command: top}
- {type: process-label, title: t, command: top, distinct-mcs: true}
- {type: file-label, title: t, path: "/tmp/it's here", selinux-type: x_t, same-mcs-as: {container: last}}
- {type: mount, title: t, container: c}
- {type: mount, title: t, container: c, destination: /mnt}
- {type: mount, title: t, path: /a/*}
- {type: seccomp, title: t, command: chmod 777 /etc/hosts}
- {type: cgroup-limit, title: t, container: c, pids: 5}
- {type: namespace, title: t, namespace: net, between: [host, last], shared: false}
- {type: container, title: t, name: c, engine: docker}
- {type: file, title: t, path: /etc/hosts, contains: x}`;
    const r = parseCheckSpec(yaml, { file: "x", line: 1, column: 1 });
    if (!("checks" in r)) throw new Error(JSON.stringify(r.errors));
    const probes = r.checks.flatMap(checkProbes);
    expect(probes.length).toBeGreaterThan(15);
    expect(probes.filter((p) => whyNotReadOnly(p))).toEqual([]);
  });
});
