/**
 * The `runc` command: the OCI reference runtime used on its own, as the container-internals labs do. It reads a
 * bundle (`rootfs/` + `config.json`), asks the kernel for the namespaces, mounts and cgroup the spec lists, and
 * keeps its own small state (record.ts) — no daemon, no images, no engine. One file per subcommand: spec, create,
 * start, run, list, state, ps, kill, delete, exec. Global flags (`--root`, `--debug`, `--log`, `--log-format`,
 * `--systemd-cgroup`) are accepted before the subcommand.
 */
import type { CommandContext, CommandResult, UserCommand } from "../../userland/command.js";
import type { RuncCall } from "./call.js";
import { spec } from "./spec.js";
import { create } from "./create.js";
import { start } from "./start.js";
import { run } from "./run.js";
import { list } from "./list.js";
import { state } from "./state.js";
import { kill } from "./kill.js";
import { del } from "./delete.js";
import { exec } from "./exec.js";
import { ps } from "./ps.js";

interface RuncSubcommand {
  name: string;
  aliases?: string[];
  run(call: RuncCall, args: string[]): Promise<CommandResult> | CommandResult;
}

const SUBCOMMANDS: RuncSubcommand[] = [spec, create, start, run, list, state, kill, del, exec, ps];
const GLOBAL_WITH_VALUE = new Set(["--root", "--log", "--log-format", "--criu", "--rootless"]);

const VERSION = "runc version 1.1.5\ncommit: v1.1.5-0-gf19387a\nspec: 1.0.2-dev\ngo: go1.19.4\nlibseccomp: 2.5.2\n";

const HELP = `NAME:
   runc - Open Container Initiative runtime

USAGE:
   runc [global options] command [command options] [arguments...]

COMMANDS:
   create      create a container
   delete      delete any resources held by the container often used with detached container
   exec        execute new process inside the container
   kill        kill sends the specified signal (default: SIGTERM) to the container's init process
   list        lists containers started by runc with the given root
   ps          ps displays the processes running inside a container
   run         create and run a container
   spec        create a new specification file
   start       executes the user defined process in a created container
   state       output the state of a container
   help, h     Shows a list of commands or help for one command
`;

async function runc(args: string[], ctx: CommandContext): Promise<CommandResult> {
  let i = 0;
  while (i < args.length && args[i]!.startsWith("-")) {
    const a = args[i]!;
    if (a === "--version" || a === "-v") return { stdout: VERSION, exitCode: 0 };
    if (a === "--help" || a === "-h") return { stdout: HELP, exitCode: 0 };
    i += GLOBAL_WITH_VALUE.has(a) && !a.includes("=") ? 2 : 1;
  }
  const verb = args[i];
  if (verb === undefined || verb === "help" || verb === "h") return { stdout: HELP, exitCode: 0 };
  const sub = SUBCOMMANDS.find((s) => s.name === verb || s.aliases?.includes(verb));
  if (!sub) return { stdout: `No help topic for '${verb}'\n`, exitCode: 3 };
  return sub.run({ host: ctx.host, ctx }, args.slice(i + 1));
}

/** The runc command. */
export const runcCommand: UserCommand = { name: "runc", run: runc };

