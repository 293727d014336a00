/**
 * The `podman` command: global flags, then one subcommand per file in this folder. docker's CLI has the same
 * verbs with the same flags (podman was built to be a drop-in for it), so `docker` (engine/containers/docker/)
 * dispatches to these same subcommands with docker's EngineEra; only data differs.
 */
import type { Host } from "../../host.js";
import type { CommandContext, CommandResult, UserCommand } from "../../userland/command.js";
import { EngineCall } from "../cli/engine-call.js";
import { engineEra, type EngineName } from "../engines.js";
import { create } from "./create.js";
import { exec } from "./exec.js";
import { exportCmd } from "./export.js";
import { images } from "./images.js";
import { info } from "./info.js";
import { inspect } from "./inspect.js";
import { kill } from "./kill.js";
import { logs } from "./logs.js";
import { mount } from "./mount.js";
import { ps } from "./ps.js";
import { pull } from "./pull.js";
import { rm } from "./rm.js";
import { rmi } from "./rmi.js";
import { run } from "./run.js";
import { start } from "./start.js";
import { stop } from "./stop.js";
import { stats } from "./stats.js";
import { top } from "./top.js";
import { umount } from "./umount.js";
import { version } from "./version.js";

/** A subcommand: its name is written once, in its file. */
export interface Subcommand {
  name: string;
  aliases?: string[];
  run(call: EngineCall, args: string[]): Promise<CommandResult> | CommandResult;
}

/** Subcommands both engines have. */
export const sharedSubcommands: Subcommand[] = [run, create, start, stop, kill, rm, ps, exec, inspect, logs, top, images, rmi, pull, version, info, stats, exportCmd];
/** podman-only subcommands. */
export const podmanOnlySubcommands: Subcommand[] = [mount, umount];

/** `podman container ls` → ps, `podman image ls` → images … */
const GROUPS: Record<string, Record<string, string>> = {
  container: { ls: "ps", list: "ps", top: "top", run: "run", create: "create", start: "start", stop: "stop", kill: "kill", rm: "rm", exec: "exec", inspect: "inspect", logs: "logs", export: "export", mount: "mount", umount: "umount" },
  image: { ls: "images", list: "images", pull: "pull", inspect: "inspect", rm: "rmi" },
};

/** Global flags that take a value (skipped before the subcommand). */
const GLOBAL_WITH_VALUE = new Set(["--log-level", "--root", "--runroot", "--runtime", "--cgroup-manager", "--storage-driver", "-H", "--host", "--config"]);

/** podman subcommands where `-l`/`--latest` stands for the most recently created container. */
const LATEST_AWARE = new Set(["export", "start", "stop", "kill", "rm", "inspect", "logs", "exec", "mount", "umount", "top"]);

/** Replaces `-l`/`--latest` with the latest container's id, in place (podman's --latest). */
function replaceLatest(call: EngineCall, args: string[], verb?: string): string[] {
  // exec: the words after the container are the command's own (`podman exec c ls -l /data` keeps its -l)
  const end = verb === "exec" ? commandStart(args) : args.length;
  const i = args.slice(0, end).findIndex((a) => a === "-l" || a === "--latest");
  if (i < 0) return args;
  const latest = Object.values(call.state.containers).sort((a, b) => b.createdMs - a.createdMs || call.state.order.indexOf(b.id) - call.state.order.indexOf(a.id))[0];
  const out = [...args];
  if (latest) out[i] = latest.id;
  else out.splice(i, 1);
  return out;
}

/** exec's flags that take a value; the first other word that is not a flag is the container (or -l). */
const EXEC_WITH_VALUE = new Set(["-e", "--env", "-u", "--user", "-w", "--workdir", "--env-file", "--detach-keys"]);

/** Index of the first positional word of exec's arguments. */
function commandStart(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-l" || a === "--latest") return i + 1;
    if (EXEC_WITH_VALUE.has(a)) i++;
    else if (!a.startsWith("-")) return i;
  }
  return args.length;
}

/** Runs an engine CLI. */
export async function runEngineCli(engine: EngineName, subs: Subcommand[], args: string[], ctx: CommandContext): Promise<CommandResult> {
  const host: Host = ctx.host;
  const era = engineEra(host, engine);
  let i = 0;
  while (i < args.length && args[i]!.startsWith("-")) {
    if (args[i] === "--version" || args[i] === "-v") {
      return { stdout: engine === "podman" ? `podman version ${era.version}\n` : `Docker version ${era.version}, build ${era.family === "docker1" ? "7d71120/1.13.1" : "b72abbb"}\n`, exitCode: 0 };
    }
    i += GLOBAL_WITH_VALUE.has(args[i]!) ? 2 : 1;
  }
  let verb = args[i];
  let rest = args.slice(i + 1);
  if (verb && GROUPS[verb] && rest[0] && GROUPS[verb]![rest[0]]) {
    verb = GROUPS[verb]![rest[0]];
    rest = rest.slice(1);
  }
  if (!verb) {
    if (engine === "podman") return { stderr: "Error: missing command 'podman COMMAND'\nTry 'podman --help' for more information\n", exitCode: 125 };
    return { stdout: "\nUsage:\tdocker COMMAND\n\nA self-sufficient runtime for containers\n", exitCode: 0 };
  }
  const sub = subs.find((s) => s.name === verb || s.aliases?.includes(verb!));
  if (!sub) {
    if (engine === "podman") return { stderr: `Error: unrecognized command \`podman ${verb}\`\nTry 'podman --help' for more information\n`, exitCode: 125 };
    const argv0 = era.family === "docker1" ? "/usr/bin/docker-current" : "docker";
    return { stderr: `${argv0}: '${verb}' is not a docker command.\nSee '${argv0} --help'\n`, exitCode: 1 };
  }
  const call = new EngineCall(host, era, ctx, sub.name);
  return sub.run(call, engine === "podman" && LATEST_AWARE.has(sub.name) ? replaceLatest(call, rest, sub.name) : rest);
}

/** The podman command. */
export const podmanCommand: UserCommand = {
  name: "podman",
  run: (args, ctx) => runEngineCli("podman", [...sharedSubcommands, ...podmanOnlySubcommands], args, ctx),
};
