#!/usr/bin/env zx
// The Debian packages the test suite needs beyond node: tmux drives `hostlab run` as a student at a terminal
// (test/e2e/run-tmux.test.ts); chromium (Debian's, never a downloaded one) runs the book in test/book/book.e2e.test.ts.
// Idempotent: packages already installed are left alone, and nothing is fetched when
// all of them are there. CI calls it before `npm test`; run it by hand (as root, or with sudo) on a new machine.
import { existsSync } from "node:fs";
import { $, which } from "zx";

$.verbose = false;

/** package → a command it provides, to tell whether it is installed. */
const PACKAGES = {
  tmux: "tmux",
  chromium: "chromium",
  // hostlab grade: real sshd on loopback (test/support/sshd.ts) and real podman for the local target
  // (test/runner/modes/grade/local-podman.slow.test.ts). An absolute path is checked for existence instead.
  "openssh-client": "ssh",
  "openssh-server": "/usr/sbin/sshd",
  podman: "podman",
  runc: "runc",
  conmon: "/usr/bin/conmon",
  jq: "jq",
  iptables: "/usr/sbin/iptables",
  "containernetworking-plugins": "/usr/lib/cni/bridge",
  "busybox-static": "/bin/busybox",
};

const missing = [];
for (const [pkg, command] of Object.entries(PACKAGES)) {
  const present = command.startsWith("/") ? existsSync(command) : await which(command, { nothrow: true });
  if (!present) missing.push(pkg);
}
if (missing.length === 0) {
  console.log(`ci-deps: already installed: ${Object.keys(PACKAGES).join(", ")}`);
  process.exit(0);
}
if (!(await which("apt-get", { nothrow: true }))) {
  console.error(`ci-deps: missing ${missing.join(", ")} and no apt-get here; install them with your package manager`);
  process.exit(1);
}
const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
console.log(`ci-deps: installing ${missing.join(", ")}`);
$.verbose = true;
await $`${sudo} apt-get update -qq`;
await $({ env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } })`${sudo} apt-get install -y -qq --no-install-recommends ${missing}`;
