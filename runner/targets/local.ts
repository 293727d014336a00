// The `local` target: real commands on this machine, through bash and execa. It is only ever created when the user
// asks for it (`--target local` plus a confirmation or `--yes`); the simulation never comes here.
//
// Each command runs in a fresh `bash -c`, which is what a lab's one-line commands need, yet the session must feel like
// one shell: before the command we restore the working directory and the exported variables left by the previous one,
// and after it we save them again (`pwd`, `export -p`) into the target's scratch directory.
import { execa } from "execa";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir, hostname, userInfo } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { CommandResult, RunOptions, Target } from "./target.js";

const EXIT_TIMEOUT = 124; // what timeout(1) reports
const EXIT_INTERRUPTED = 130; // 128 + SIGINT, as bash reports a command stopped by Ctrl-C

export interface LocalTargetOptions {
  /** Where the lab's commands start; a new scratch directory when omitted. */
  cwd?: string;
}

/** Opens a shell-like session on this machine. */
export async function createLocalTarget(options: LocalTargetOptions = {}): Promise<Target> {
  const stateDir = await mkdtemp(join(tmpdir(), "hostlab-local-"));
  const envFile = join(stateDir, "env");
  const cwdFile = join(stateDir, "cwd");
  let cwd = options.cwd ?? (await mkdtemp(join(tmpdir(), "hostlab-work-")));
  const startDir = cwd;
  const ownsCwd = options.cwd === undefined;
  let closed = false;

  // The command arrives in a variable, never spliced into the script, so no quoting can break out of it.
  const script = [
    `[ -f "$HOSTLAB_ENV" ] && . "$HOSTLAB_ENV" 2>/dev/null`,
    `cd "$HOSTLAB_CWD" 2>/dev/null`,
    `eval "$HOSTLAB_CMD"`,
    `__hostlab_rc=$?`,
    `pwd > "$HOSTLAB_CWDFILE"`,
    `export -n HOSTLAB_CMD HOSTLAB_CWD HOSTLAB_ENV HOSTLAB_CWDFILE`,
    `export -p > "$HOSTLAB_ENV"`,
    `exit $__hostlab_rc`,
  ].join("\n");

  return {
    name: "local",
    prompt() {
      const user = userInfo().username;
      const dir = cwd === (process.env.HOME ?? "") ? "~" : basename(cwd) || "/";
      return `[${user}@${hostname().split(".")[0]} ${dir}]${user === "root" ? "#" : "$"} `;
    },
    async run(command: string, runOptions: RunOptions = {}): Promise<CommandResult> {
      if (closed) throw new Error("local target: run() called after close()");
      const output: NonNullable<CommandResult["output"]> = [];
      const child = execa("bash", ["--noprofile", "--norc", "-c", script], {
        reject: false,
        stdin: "ignore",
        cwd,
        env: {
          HOSTLAB_CMD: command,
          HOSTLAB_CWD: cwd,
          HOSTLAB_ENV: envFile,
          HOSTLAB_CWDFILE: cwdFile,
        },
        // Its own process group, so a timeout or Ctrl-C stops the command's children too (a `sleep` would
        // otherwise keep the pipes open and the run waiting).
        detached: true,
        stripFinalNewline: false,
      });
      let stoppedBy: "timeout" | "interrupt" | undefined;
      const stop = (why: "timeout" | "interrupt") => {
        stoppedBy ??= why;
        killGroup(child.pid, why === "interrupt" ? "SIGINT" : "SIGTERM");
        setTimeout(() => killGroup(child.pid, "SIGKILL"), 2000).unref();
      };
      const timer = runOptions.timeoutMs ? setTimeout(() => stop("timeout"), runOptions.timeoutMs) : undefined;
      const onAbort = () => stop("interrupt");
      runOptions.signal?.addEventListener("abort", onAbort, { once: true });
      child.stdout?.on("data", (chunk: Buffer) => output.push({ stream: "stdout", text: chunk.toString("utf8") }));
      child.stderr?.on("data", (chunk: Buffer) => output.push({ stream: "stderr", text: chunk.toString("utf8") }));
      const result = await child;
      clearTimeout(timer);
      runOptions.signal?.removeEventListener("abort", onAbort);
      try {
        cwd = (await readFile(cwdFile, "utf8")).trim() || cwd;
      } catch {
        /* the command ended the shell before it could save its state (exec, kill): keep the old cwd */
      }
      let exitCode = typeof result.exitCode === "number" ? result.exitCode : 1;
      if (stoppedBy === "timeout") exitCode = EXIT_TIMEOUT;
      else if (stoppedBy === "interrupt") exitCode = EXIT_INTERRUPTED;
      else if (result.signal) exitCode = 128 + (signalNumbers[result.signal] ?? 0);
      return { stdout: String(result.stdout ?? ""), stderr: String(result.stderr ?? ""), exitCode, output };
    },
    async probe(command: string, runOptions: RunOptions = {}): Promise<CommandResult> {
      // A plain bash beside the session: reads the machine, leaves the session's cwd and variables alone.
      const r = await execa("bash", ["--noprofile", "--norc", "-c", command], {
        reject: false,
        stdin: "ignore",
        cwd: startDir,
        timeout: runOptions.timeoutMs,
        cancelSignal: runOptions.signal,
        stripFinalNewline: false,
      });
      const exitCode = r.timedOut ? EXIT_TIMEOUT : typeof r.exitCode === "number" ? r.exitCode : 1;
      return { stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? ""), exitCode };
    },
    async writeFile(path: string, content: string): Promise<void> {
      const abs = resolve(cwd, path);
      await mkdir(dirname(abs), { recursive: true });
      await writeFile(abs, content);
    },
    async close() {
      if (closed) return;
      closed = true;
      await rm(stateDir, { recursive: true, force: true });
      if (ownsCwd) await rm(cwd, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

// bash reports a command killed by signal N as exit status 128+N.
const signalNumbers: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15, SIGSEGV: 11 };
