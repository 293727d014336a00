// Real OpenSSH servers on loopback for the grader's tests and bench: `/usr/sbin/sshd -D -f <config> -E <log>` bound to
// 127.0.0.1 only, with host keys, a client key, authorized_keys, known_hosts and a PID file all in a temp directory.
// Nothing in /etc or ~/.ssh is read or changed (the one exception: /run/sshd, sshd's privilege-separation directory,
// is created when missing, as Debian's service unit does).
//
// How one machine plays many lab hosts: each "host" is one listening port, and `Match LocalPort` blocks give each
// port its own behaviour — `SetEnv HOSTLAB_TEST_HOST=<dir>` points the test lab's checks at that host's own state
// directory; a `ForceCommand` loop makes a host whose probe hangs; `AuthorizedKeysFile none` one that refuses
// the key. Users log in as whoever runs the tests (root in CI), so no system users are created.
// sshd listens on at most 16 sockets (MAX_LISTEN_SOCKS in OpenSSH), so larger fleets get one daemon per 16 hosts.
import { execa, type ResultPromise } from "execa";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

export const SSHD = "/usr/sbin/sshd";
const PORTS_PER_DAEMON = 16;

export type HostKind = "ok" | "hang" | "refuse-key";

export interface TestHost {
  name: string;
  kind: HostKind;
  port: number;
  /** `user@127.0.0.1:port` */
  destination: string;
  /** the host's own state directory ($HOSTLAB_TEST_HOST on it) */
  dir: string;
}

export interface SshdFleet {
  dir: string;
  user: string;
  hosts: TestHost[];
  /** the client key every host accepts (except refuse-key ones) */
  identity: string;
  /** `-o` options a client needs: our known_hosts, no agent, no ~/.ssh keys */
  sshOptions: string[];
  /** a port on 127.0.0.1 that nothing listens on */
  closedPort: number;
  /** the listening daemons' pids (their per-connection children's CPU shows in their /proc stat cutime/cstime) */
  pids: number[];
  stop(): Promise<void>;
}

/** Whether this machine can run the tests (openssh-server installed: scripts/ci-deps.mjs). */
export function sshdAvailable(): boolean {
  return existsSync(SSHD) && existsSync("/usr/bin/ssh-keygen");
}

/** Starts enough sshd daemons for `hosts` (name + kind) and waits until every port answers. */
export async function startSshd(hosts: Array<{ name: string; kind?: HostKind }>): Promise<SshdFleet> {
  const dir = await mkdtemp(join(tmpdir(), "hostlab-sshd-"));
  const user = userInfo().username;
  await mkdir("/run/sshd", { recursive: true, mode: 0o755 }).catch(() => undefined);
  await execa("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", join(dir, "host_ed25519")]);
  await execa("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", join(dir, "client_ed25519")]);
  await writeFile(join(dir, "authorized_keys"), await readFile(join(dir, "client_ed25519.pub")));
  const hostKey = (await readFile(join(dir, "host_ed25519.pub"), "utf8")).trim().split(" ").slice(0, 2).join(" ");

  const ports = await freePorts(hosts.length + 1);
  const closedPort = ports.pop()!;
  const fleet: TestHost[] = [];
  for (let i = 0; i < hosts.length; i++) {
    const hostDir = join(dir, "hosts", hosts[i].name);
    await mkdir(hostDir, { recursive: true });
    fleet.push({ name: hosts[i].name, kind: hosts[i].kind ?? "ok", port: ports[i], destination: `${user}@127.0.0.1:${ports[i]}`, dir: hostDir });
  }
  await writeFile(join(dir, "known_hosts"), fleet.map((h) => `[127.0.0.1]:${h.port} ${hostKey}\n`).join(""));

  const daemons: ResultPromise[] = [];
  for (let start = 0; start < fleet.length; start += PORTS_PER_DAEMON) {
    const group = fleet.slice(start, start + PORTS_PER_DAEMON);
    const n = start / PORTS_PER_DAEMON;
    const config = join(dir, `sshd_config.${n}`);
    await writeFile(config, sshdConfig(dir, n, group));
    // -E: sshd's log goes to a file. Its per-connection children inherit the log descriptor and can outlive the
    // listener (a ControlPersist master keeps its connection up to a minute), so a pipe would keep stop() waiting.
    daemons.push(execa(SSHD, ["-D", "-f", config, "-E", join(dir, `sshd.${n}.log`)], { reject: false, stdio: "ignore" }));
  }
  const stop = async () => {
    for (const d of daemons) d.kill("SIGTERM");
    await Promise.all(daemons.map((d) => d.catch(() => undefined)));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all(fleet.map((h) => waitForPort(h.port, daemons)));
  } catch (e) {
    const logs = await Promise.all(daemons.map((_, n) => readFile(join(dir, `sshd.${n}.log`), "utf8").catch(() => "")));
    await stop();
    throw new Error(`sshd did not start: ${(e as Error).message}\n${logs.join("\n")}`);
  }
  return {
    dir,
    user,
    hosts: fleet,
    identity: join(dir, "client_ed25519"),
    sshOptions: [`UserKnownHostsFile=${join(dir, "known_hosts")}`, "StrictHostKeyChecking=yes", "IdentitiesOnly=yes", "IdentityAgent=none", "LogLevel=ERROR"],
    closedPort,
    pids: daemons.map((d) => d.pid!).filter(Boolean),
    stop,
  };
}

function sshdConfig(dir: string, n: number, hosts: TestHost[]): string {
  const lines = [
    ...hosts.map((h) => `ListenAddress 127.0.0.1:${h.port}`),
    `HostKey ${join(dir, "host_ed25519")}`,
    `PidFile ${join(dir, `sshd.${n}.pid`)}`,
    `AuthorizedKeysFile ${join(dir, "authorized_keys")}`,
    "StrictModes no",
    "UsePAM no",
    "PasswordAuthentication no",
    "KbdInteractiveAuthentication no",
    "PermitRootLogin prohibit-password",
    "PrintMotd no",
    "MaxStartups 200",
    "MaxSessions 200",
    "LogLevel ERROR",
  ];
  for (const h of hosts) {
    lines.push(`Match LocalPort ${h.port}`);
    // A hung probe that still ends by itself: its next write after the grader hangs up fails, and the loop stops.
    if (h.kind === "hang") lines.push(`  ForceCommand sh -c 'while sleep 1; do echo thinking >&2 || exit 1; done'`);
    else if (h.kind === "refuse-key") lines.push("  AuthorizedKeysFile none");
    lines.push(`  SetEnv HOSTLAB_TEST_HOST=${h.dir}`);
  }
  return lines.join("\n") + "\n";
}

// Ports the kernel hands out now; a race with another process is possible but harmless in tests (sshd then fails
// to start, which the caller reports).
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => resolve(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

async function waitForPort(port: number, daemons: ResultPromise[], timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (daemons.some((d) => d.exitCode !== null)) throw new Error("an sshd exited");
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect(port, "127.0.0.1");
      sock.once("connect", () => (sock.destroy(), resolve(true)));
      sock.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`port ${port} did not open within ${timeoutMs} ms`);
}
