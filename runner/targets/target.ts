// A target is where a lab's commands run: the built-in simulated host, this machine, or (later) a host over SSH.
// Everything above this interface — the runner's modes, the checks, the reports — is the same for all of them.

/** What one command line produced. `output` keeps stdout and stderr chunks in the order they were written. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  output?: Array<{ stream: "stdout" | "stderr"; text: string }>;
}

export interface RunOptions {
  /** Cancels the command (Ctrl-C); the target reports exit code 130 as bash does for SIGINT. */
  signal?: AbortSignal;
  /** Kills the command after this many milliseconds (exit code 124, as `timeout(1)` reports it). */
  timeoutMs?: number;
}

export interface Target {
  /** `builtin`, `local`, `ssh://user@host` … — shown to the user and written into reports. */
  readonly name: string;
  /** Runs one command line in the target's session: cwd and exported variables carry over to the next call. */
  run(command: string, options?: RunOptions): Promise<CommandResult>;
  /** Runs a check's probe beside the session: the student's cwd, variables and nested shells are not touched. */
  probe(command: string, options?: RunOptions): Promise<CommandResult>;
  /** Writes a lab file (front matter `files`, `file=` blocks); a relative path is taken from the shell's current directory, where the lab's next command will look for it. */
  writeFile(path: string, content: string): Promise<void>;
  /** The prompt a shell on the target would show now, e.g. `[root@rhel9 ~]# `. */
  prompt(): string;
  /** Releases what the target holds (scratch directories, connections). Safe to call twice. */
  close(): Promise<void>;
}
