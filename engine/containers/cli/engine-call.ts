/**
 * One invocation of an engine's CLI (`podman …`, `docker …`): the host, the engine as it is on this host's
 * profile, the shell's command context, and the output collected in write order. podman and docker share every
 * subcommand; their wording of errors differs and lives here: podman prints `Error: <msg>` and exits 125 (or the
 * subcommand's own code), docker prints `Error response from daemon: <msg>` for what the daemon refused and
 * `<argv0>: <msg>.` plus `See '<argv0> <verb> --help'.` for what its client refused.
 */
import type { Host } from "../../host.js";
import type { CommandContext, CommandResult } from "../../userland/command.js";
import { reapTasks } from "../../kernel/tasks.js";
import { engineState, findContainer, listContainers, type Container, type EngineState } from "../container.js";
import type { EngineEra } from "../engines.js";
import { dockerArgv0 } from "../images/store.js";

/** The state of one CLI call. */
export class EngineCall {
  stdout = "";
  stderr = "";
  readonly state: EngineState;

  constructor(readonly host: Host, readonly era: EngineEra, readonly ctx: CommandContext, readonly verb: string) {
    this.state = engineState(host, era.engine);
    reapTasks(host);
  }

  /** podman or docker (as the client names itself in errors) */
  get argv0(): string {
    return this.era.engine === "podman" ? "podman" : dockerArgv0(this.era);
  }

  out(text: string): void {
    this.stdout += text;
  }

  err(text: string): void {
    this.stderr += text;
  }

  /**
   * Prints what an attached container process wrote. Through a terminal (`-t`) both streams arrive on the pty,
   * so they come out together on stdout, with the pty's CRLF line ends (observed: `podman run -t … ls` lines end
   * in \r\n); without one, stdout and stderr stay apart.
   */
  attached(output: { stream: "stdout" | "stderr"; text: string }[], tty: boolean): void {
    for (const o of output) {
      if (tty) this.out(o.text.replace(/\r?\n/g, "\r\n"));
      else if (o.stream === "stdout") this.out(o.text);
      else this.err(o.text);
    }
  }

  /** Finishes with an exit code. */
  done(exitCode = 0): CommandResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode };
  }

  /** An error of the engine proper: `Error: msg` (podman) / `Error response from daemon: msg` (docker). */
  fail(msg: string, exitCode?: number): CommandResult {
    if (this.era.engine === "podman") {
      this.err(`Error: ${msg}\n`);
      return this.done(exitCode ?? 125);
    }
    this.err(`Error response from daemon: ${msg}\n`);
    return this.done(exitCode ?? 1);
  }

  /** A usage error found while parsing flags (pflag's message). */
  usage(msg: string): CommandResult {
    if (this.era.engine === "podman") {
      this.err(`Error: ${msg}\nSee 'podman ${this.verb} --help'\n`);
      return this.done(125);
    }
    this.err(`${msg}\nSee '${this.argv0} ${this.verb} --help'.\n`);
    return this.done(125);
  }

  /** A `run`/`create` failure as docker's client reports it (`docker: Error response from daemon: …`). */
  runFail(msg: string): CommandResult {
    if (this.era.engine === "podman") return this.fail(msg);
    this.err(`${this.argv0}: Error response from daemon: ${msg}.\nSee '${this.argv0} ${this.verb} --help'.\n`);
    return this.done(125);
  }

  /** The container `ref` names, or undefined after printing the engine's "no such container". */
  container(ref: string): Container | undefined {
    const c = findContainer(this.state, ref);
    if (c) return c;
    if (this.era.family === "podman4") this.err(`Error: no container with name or ID "${ref}" found: no such container\n`);
    else if (this.era.family === "podman1") this.err(`Error: no container with name or ID ${ref} found: no such container\n`);
    else this.err(`Error response from daemon: No such container: ${ref}\n`);
    return undefined;
  }

  /**
   * The containers a subcommand acts on: with `--all`, every container `pick` accepts (named by id); else the ones
   * the arguments name, `c` undefined where the engine has already said "no such container".
   */
  targets(all: boolean, refs: readonly string[], pick: (c: Container) => boolean = () => true): Array<{ ref: string; c: Container | undefined }> {
    if (all) return listContainers(this.state).filter(pick).map((c) => ({ ref: c.id, c }));
    return refs.map((ref) => ({ ref, c: this.container(ref) }));
  }

  /** Exit code after a lookup failure. */
  get notFoundCode(): number {
    return this.era.engine === "podman" ? 125 : 1;
  }
}
