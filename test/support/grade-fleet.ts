// A classroom for the grader's tests: one loopback sshd (test/support/sshd.ts) whose ports play lab hosts in the
// states a real class leaves them in, graded with test/fixtures/grade/fleet-lab.md (its checks read the host's
// $HOSTLAB_TEST_HOST directory):
//   complete  — every step done: 6/6 (the SELinux check is not applicable on a host without SELinux)
//   partial   — only the motd: 2/6
//   untouched — nothing done: 0/6
//   fifo      — the config done, but its motd is a FIFO, so `cat` blocks: that check hits --check-timeout (4/6)
//   hang      — its sshd ForceCommand never runs the probes: the host hits --timeout
//   nokey     — refuses the client key; plus a closed port nothing listens on.
import { mkdirSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { startSshd, type SshdFleet } from "./sshd.js";

export interface Classroom {
  fleet: SshdFleet;
  /** inventory lines `destination student`, in this order: complete partial untouched fifo hang nokey closed */
  inventory: string;
  /** ssh flags for hostlab grade: -i and -o … */
  sshFlags: string[];
  dest: (name: string) => string;
}

const NAMES = ["complete", "partial", "untouched", "fifo", "hang", "nokey"] as const;

/** Starts the classroom's sshd and prepares each host's state. */
export async function startClassroom(names: readonly string[] = NAMES): Promise<Classroom> {
  const fleet = await startSshd(names.map((name) => ({ name, kind: name === "hang" ? "hang" : name === "nokey" ? "refuse-key" : "ok" })));
  const dirOf = (name: string) => fleet.hosts.find((h) => h.name === name)!.dir;
  const httpd = (name: string) => {
    mkdirSync(join(dirOf(name), "httpd"), { recursive: true });
    writeFileSync(join(dirOf(name), "httpd/httpd.conf"), "ServerName web\nListen 8080\n");
  };
  if (names.includes("complete")) {
    writeFileSync(join(dirOf("complete"), "motd"), "welcome to web01\n");
    httpd("complete");
  }
  if (names.includes("partial")) writeFileSync(join(dirOf("partial"), "motd"), "welcome to web02\n");
  if (names.includes("fifo")) {
    execFileSync("mkfifo", [join(dirOf("fifo"), "motd")]);
    httpd("fifo");
  }
  const lines = fleet.hosts.map((h) => `${h.destination}  ${h.name}`);
  lines.push(`${fleet.user}@127.0.0.1:${fleet.closedPort}  closed`);
  return {
    fleet,
    inventory: `# the test classroom\n${lines.join("\n")}\n`,
    sshFlags: ["-i", fleet.identity, ...fleet.sshOptions.flatMap((o) => ["-o", o])],
    dest: (name) => (name === "closed" ? `${fleet.user}@127.0.0.1:${fleet.closedPort}` : fleet.hosts.find((h) => h.name === name)!.destination),
  };
}
