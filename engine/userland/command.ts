/**
 * What a command is to the simulated host: a program the shell finds by name and runs as a process. It gets
 * its arguments and a context — the task it runs as, that task's view of the file system (every call goes
 * through the syscall gate, so seccomp and SELinux apply), cwd, environment and stdin — and returns what it
 * printed and its exit status. A failure is output and an exit code, never an exception.
 */
import type { Host } from "../host.js";
import type { Task } from "../kernel/tasks.js";
import type { FsView } from "../fs/fs-view.js";

/** What a command returns (stdout/stderr as the process wrote them; the session keeps their order). */
export interface CommandResult {
  stdout?: string;
  stderr?: string;
  exitCode: number;
  /**
   * Optional: the same text as ordered chunks, when the command interleaves the streams (docker's "Unable to find
   * image" on stderr, then pull progress on stdout, then an error). When the command is the whole line, the
   * terminal shows this order; stdout/stderr must still hold the full text of each stream.
   */
  output?: Array<{ stream: "stdout" | "stderr"; text: string }>;
}

/** Hooks into the interactive session that runs the command (a terminal's shell stack). */
export interface ShellControl {
  /** whether a person is at the terminal (`-it` works, a nested shell can open) */
  readonly interactive: boolean;
  /**
   * Opens a nested shell running as `task` (e.g. `bash` inside a container for `podman exec -it c bash`): once
   * the current command line finishes, the session's prompt and every further line belong to it until `exit`.
   * `onExit` runs when it closes (the engine ends the exec'd task).
   */
  pushShell(task: Task, opts?: { cwd?: string; env?: Record<string, string>; onExit?: (host: Host) => void }): void;
}

/** The context of one command invocation. */
export interface CommandContext {
  host: Host;
  /** the process running the command (a child of the shell, or the shell itself for builtins) */
  task: Task;
  /** the task's file system view (its mount namespace, its credentials and label, through the syscall gate) */
  fs: FsView;
  cwd: string;
  env: Record<string, string>;
  stdin: string;
  signal?: AbortSignal;
  /** the command runs in a background job (`cmd &`): it must not hold the terminal (sleep sets its timer instead) */
  background?: boolean;
  /** whether stdout is the terminal (false when piped, redirected or captured by $(…)); undefined = unknown */
  stdoutIsTty?: boolean;
  shell: ShellControl;
  /** runs a command line in the same process context and returns its output (bash -c, sh -c, podman's `run`) */
  exec(line: string, opts?: { stdin?: string; cwd?: string; env?: Record<string, string> }): Promise<CommandResult>;
  /** the shell library's own command of the same name, when this command overrides one (e.g. jq, bash -c) */
  builtin?: (args: string[]) => Promise<CommandResult>;
}

/** A command: its name is written once, here. */
export interface UserCommand {
  name: string;
  run(args: string[], ctx: CommandContext): Promise<CommandResult> | CommandResult;
}
