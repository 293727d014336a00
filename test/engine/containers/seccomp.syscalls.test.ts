/**
 * Each command asks the kernel through the system call a real one makes: a profile that refuses exactly that call
 * (EPERM) stops the command with coreutils' or util-linux's message, and the same command without the profile
 * works. Covers the host's own commands and the shell library's programs alike.
 */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";
import { kernelFs } from "../../../engine/fs/fs-view.js";

const UBI7 = "registry.access.redhat.com/ubi7/ubi";

const CASES: Array<[command: string, syscall: string, message: string]> = [
  ["mkdir /x", "mkdirat", "mkdir: cannot create directory '/x': Operation not permitted"],
  ["chmod 600 /etc/hosts", "fchmodat", "chmod: changing permissions of '/etc/hosts': Operation not permitted"],
  ["chown 1 /etc/hosts", "fchownat", "chown: changing ownership of '/etc/hosts': Operation not permitted"],
  ["touch /newfile", "openat", "touch: cannot touch '/newfile': Operation not permitted"],
  ["touch /etc/hosts", "utimensat", "touch: cannot touch '/etc/hosts': Operation not permitted"],
  ["cat /etc/os-release", "openat", "cat: /etc/os-release: Operation not permitted"],
  ["ls /", "getdents64", "ls: cannot open directory '/': Operation not permitted"],
  ["stat /", "newfstatat", "stat: cannot stat '/': Operation not permitted"],
  ["rm /etc/hosts", "unlinkat", "rm: cannot remove '/etc/hosts': Operation not permitted"],
  ["rmdir /mnt", "unlinkat", "rmdir: failed to remove '/mnt': Operation not permitted"],
  ["ln -s /a /lnk", "symlinkat", "ln: failed to create symbolic link '/lnk': Operation not permitted"],
  ["ln /etc/passwd /hard", "linkat", "ln: failed to create hard link '/hard' => '/etc/passwd': Operation not permitted"],
  ["mv /etc/hosts /h", "renameat2", "mv: cannot move '/etc/hosts': Operation not permitted"],
  ["hostname box", "sethostname", "hostname: you must be root to change the host name"],
  ["unshare -m true", "unshare", "unshare: unshare failed: Operation not permitted"],
  ["date -s 2020-01-01", "clock_settime", "date: cannot set date: Operation not permitted"],
  ["dmesg", "syslog", "dmesg: read kernel buffer failed: Operation not permitted"],
];

describe("each command makes the call a real one makes", async () => {
  const host = containerHost("rhel9");
  const fs = kernelFs(host);
  const lines: string[] = [];
  for (const [command, syscall] of CASES) {
    fs.writeFileSync(`/root/deny-${syscall}.json`, JSON.stringify({ defaultAction: "SCMP_ACT_ALLOW", syscalls: [{ names: [syscall], action: "SCMP_ACT_ERRNO" }] }));
    // every capability, so that only seccomp can say no
    lines.push(`podman run --rm --cap-add ALL --security-opt seccomp=/root/deny-${syscall}.json ${UBI7} ${command}`);
    lines.push(`podman run --rm --cap-add ALL ${UBI7} ${command}`);
  }
  const steps = await runLines(host, lines);

  CASES.forEach(([command, syscall, message], i) => {
    it(`${command} → ${syscall}`, () => {
      const denied = steps[2 * i]!.result;
      const allowed = steps[2 * i + 1]!.result;
      expect(denied.stderr.split("\n")).toContain(message);
      expect(denied.exitCode).not.toBe(0);
      // rm of the bind-mounted /etc/hosts is EBUSY even when seccomp allows it; what matters is the errno changed
      if (command !== "rm /etc/hosts") expect(allowed.exitCode).toBe(0);
      else expect(allowed.stderr).toBe("rm: cannot remove '/etc/hosts': Device or resource busy\n");
    });
  });
});
