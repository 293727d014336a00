// The `ssh` target: a real lab host, reached through the system's OpenSSH client (ssh(1)) so that everything an admin has set
// up — ~/.ssh/config, agents, known_hosts, ProxyJump — works as it does in their own terminal. Nothing here speaks
// the SSH protocol itself.
//
// What always holds:
// - Batch mode: ssh never asks for a password or a host-key confirmation (a grader has no one at the keyboard).
// - One connection per host: the first call opens a multiplexed master (ControlMaster/ControlPersist, ssh_config(5))
//   and later calls ride on it; close() sends `ssh -O exit` so no master outlives the grader.
// - A command travels on ssh's stdin to `sh -s` on the host, never on its command line: no quoting layer, no
//   ARG_MAX, and the remote login shell only ever sees the fixed words `sh -s`.
// - ssh exits 255 both when it could not connect and when the remote command exits 255. A line printed first by the
//   script tells them apart: without it, the command never started and SshTargetError says why.
// - A timeout kills ssh's whole process group; the host's side ends when its channel closes.
import { execa } from "execa";
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { join } from "node:path";
import type { CommandResult, RunOptions, Target } from "./target.js";
import { formatDestination, type Destination } from "./ssh/destination.js";
import { describeSshFailure } from "./ssh/ssh-errors.js";
import { controlBase, controlDirPrefix } from "./ssh/stale-masters.js";
import { shellQuote } from "../../checks/probe.js";

export { parseDestination, formatDestination, type Destination } from "./ssh/destination.js";

/** What to pass to ssh(1) beyond the destination. */
export interface SshTargetOptions {
  /** `-i FILE` */
  identity?: string;
  /** `-F FILE` (instead of ~/.ssh/config) */
  sshConfig?: string;
  /** extra `-o KEY=VALUE` options, in order (the first value given for a key wins in ssh) */
  sshOptions?: string[];
  /** seconds ssh waits for the TCP connection and the login (ConnectTimeout); default 10 */
  connectTimeoutS?: number;
  /** a directory for the control sockets, shared by many targets; a private one is made when absent */
  controlDir?: string;
  /** the most bytes kept from a command's stdout (and its stderr); past it ssh is stopped. Default 64 MiB. */
  maxOutputBytes?: number;
  /** the ssh binary; default `ssh` from PATH */
  ssh?: string;
}

/** ssh could not run the command: connection refused, key refused, timed out … `reason` is one sentence. */
export class SshTargetError extends Error {
  override name = "SshTargetError";
  constructor(
    readonly reason: string,
    readonly stderr = "",
  ) {
    super(reason);
  }
}

export interface SshTarget extends Target {
  readonly destination: Destination;
}

const DEFAULT_CONNECT_TIMEOUT_S = 10;
const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;
const CONTROL_PERSIST_S = 60;
const STARTED = "@@hostlab-ssh-started";
const EXIT_SSH_FAILED = 255;
const PIPE_GRACE_MS = 200;

/** The `ssh` words before the destination, as the target passes them (exported for tests and docs). */
export function sshArgs(options: SshTargetOptions, controlDir: string): string[] {
  const args = [
    "-o", "BatchMode=yes",
    "-o", `ConnectTimeout=${options.connectTimeoutS ?? DEFAULT_CONNECT_TIMEOUT_S}`,
    "-o", "ControlMaster=auto",
    "-o", `ControlPath=${join(controlDir, "%C")}`,
    "-o", `ControlPersist=${CONTROL_PERSIST_S}`,
    // A lab host that stops answering mid-command is noticed instead of waited on forever.
    "-o", "ServerAliveInterval=5",
    "-o", "ServerAliveCountMax=3",
    "-T", // no terminal: output arrives as the commands wrote it
  ];
  // The user's options come after ours: ssh keeps the first value it reads for a key, so theirs win over
  // ~/.ssh/config but not over ours above (BatchMode cannot be turned off: a grader must never prompt).
  for (const o of options.sshOptions ?? []) args.push("-o", o);
  if (options.identity) args.push("-i", options.identity);
  if (options.sshConfig) args.push("-F", options.sshConfig);
  return args;
}

function destinationArgs(d: Destination): string[] {
  return [...(d.port ? ["-p", String(d.port)] : []), ...(d.user ? ["-l", d.user] : []), "--", d.host];
}

/** Opens a target on a host over SSH. No connection is made until the first command. */
export async function createSshTarget(destination: Destination, options: SshTargetOptions = {}): Promise<SshTarget> {
  const ownsControlDir = options.controlDir === undefined;
  const controlDir = options.controlDir ?? (await mkdtemp(join(controlBase(), controlDirPrefix())));
  const ssh = options.ssh ?? "ssh";
  const before = sshArgs(options, controlDir);
  const where = destinationArgs(destination);
  const maxBuffer = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const name = `ssh://${formatDestination(destination)}`;
  let used = false;
  let closed = false;
  let calls = 0;

  async function exec(command: string, runOptions: RunOptions = {}): Promise<CommandResult> {
    if (closed) throw new Error(`${name}: command after close()`);
    used = true;
    // stderr goes to a file, and the call ends when ssh exits, not when its pipes close: the backgrounded
    // ControlPersist master can inherit the first client's descriptors and keep them open for its whole life
    // (seen with OpenSSH 9.2 after a timeout kill), so waiting for EOF could wait a minute. node's spawn, not
    // execa, for that reason: execa's promise always waits for every stream to end.
    const errFile = join(controlDir, `stderr.${process.pid}.${++calls}.${Math.random().toString(36).slice(2)}`);
    const errFd = openSync(errFile, "w", 0o600);
    let child: ChildProcess;
    try {
      child = spawn(ssh, [...before, ...where, "sh", "-s"], {
        stdio: ["pipe", "pipe", errFd],
        // Its own process group, so a timeout stops ssh and anything it started (a ProxyCommand, a mux client).
        detached: true,
        env: { ...process.env, LC_ALL: "C" }, // ssh's own messages in English, for describeSshFailure
      });
    } finally {
      closeSync(errFd);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = false;
    let stoppedBy: "timeout" | "interrupt" | "overflow" | undefined;
    const stop = (why: "timeout" | "interrupt" | "overflow") => {
      stoppedBy ??= why;
      killGroup(child.pid, "SIGTERM");
      setTimeout(() => killGroup(child.pid, "SIGKILL"), 1000).unref();
    };
    child.stdout!.on("data", (chunk: Buffer) => {
      if (overflow) return;
      if (size + chunk.length > maxBuffer) {
        chunks.push(chunk.subarray(0, maxBuffer - size));
        overflow = true;
        stop("overflow");
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    const stdoutEnded = new Promise<void>((resolve) => child.stdout!.once("close", resolve));
    child.stdin!.on("error", () => undefined); // ssh gone before it read the script: its exit says why
    // LC_ALL=C: checks read English messages ("No such file or directory"), whatever the host's locale.
    child.stdin!.end(`printf '%s\\n' '${STARTED}'\nLC_ALL=C; export LC_ALL\n${command}\n`);
    const timer = runOptions.timeoutMs ? setTimeout(() => stop("timeout"), runOptions.timeoutMs) : undefined;
    const onAbort = () => stop("interrupt");
    runOptions.signal?.addEventListener("abort", onAbort, { once: true });
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
      child.once("error", (error) => resolve({ code: null, signal: null, error }));
      child.once("exit", (code, signal) => resolve({ code, signal }));
    });
    clearTimeout(timer);
    runOptions.signal?.removeEventListener("abort", onAbort);
    // Output still in the pipe is read now; a descriptor held by the master only delays us by the grace period.
    await Promise.race([stdoutEnded, new Promise((r) => setTimeout(r, PIPE_GRACE_MS).unref())]);
    child.stdout!.destroy();
    let stdout = Buffer.concat(chunks).toString("utf8");
    const stderr = await readCapped(errFile, maxBuffer);
    await rm(errFile, { force: true });
    if (exit.error) throw new SshTargetError(`could not start ${ssh}: ${exit.error.message} (is openssh-client installed?)`);
    const started = stdout.startsWith(`${STARTED}\n`);
    if (started) stdout = stdout.slice(STARTED.length + 1);
    if (stoppedBy === "timeout") {
      const secs = ((runOptions.timeoutMs ?? 0) / 1000).toFixed(1).replace(/\.0$/, "");
      throw new SshTargetError(started
          ? `timed out after ${secs} s: a probe did not finish on the host`
          : `timed out after ${secs} s before the host ran anything (stuck logging in, or in a login script or ForceCommand)`, stderr);
    }
    if (stoppedBy === "interrupt") throw new SshTargetError("interrupted", stderr);
    if (stoppedBy === "overflow") throw new SshTargetError(`the host sent more than ${maxBuffer >= 1048576 ? `${Math.round(maxBuffer / 1048576)} MiB` : `${Math.round(maxBuffer / 1024)} KiB`} of output; stopped`, "");
    if (!started) {
      if (exit.code === EXIT_SSH_FAILED || exit.code === null) throw new SshTargetError(describeSshFailure(stderr), stderr);
      // Logged in, but the host's shell never ran our script (a ForceCommand, a login shell that is not a shell).
      throw new SshTargetError(`the host did not run the command (exit ${exit.code}${firstLine(stderr) ? `: ${firstLine(stderr)}` : ""})`, stderr);
    }
    const exitCode = exit.code ?? EXIT_SSH_FAILED;
    return { stdout, stderr, exitCode };
  }

  return {
    name,
    destination,
    prompt: () => `[${destination.user ?? "user"}@${destination.host.split(".")[0]} ~]${destination.user === "root" ? "#" : "$"} `,
    // Each command runs in a fresh shell: graders only probe, so no session state is carried between commands.
    run: (command, runOptions) => exec(command, runOptions),
    probe: (command, runOptions) => exec(command, runOptions),
    async writeFile(path: string, content: string): Promise<void> {
      // Content and path as single-quoted words: any byte but NUL survives, final newline or not.
      const r = await exec(`mkdir -p "$(dirname ${shellQuote(path)})" && printf '%s' ${shellQuote(content)} > ${shellQuote(path)}`);
      if (r.exitCode !== 0) throw new SshTargetError(`could not write ${path}: ${firstLine(r.stderr)}`, r.stderr);
    },
    async close() {
      if (closed) return;
      closed = true;
      // Stop the master connection (if one was opened), then remove its socket's directory.
      if (used) await execa(ssh, [...before, "-O", "exit", ...where], { reject: false, timeout: 5000, stdin: "ignore" });
      if (ownsControlDir) await rm(controlDir, { recursive: true, force: true });
    },
  };
}

async function readCapped(path: string, max: number): Promise<string> {
  // Only the first `max` bytes are read: a hostile host may have written gigabytes before its timeout.
  try {
    const fh = await open(path, "r");
    try {
      const buf = Buffer.alloc(Math.min(max, (await fh.stat()).size));
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead).toString("utf8");
    } finally {
      await fh.close();
    }
  } catch {
    return "";
  }
}

function firstLine(s: string): string {
  return s.trim().split("\n")[0]?.slice(0, 200) ?? "";
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}
