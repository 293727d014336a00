/**
 * One invocation of runc: the host, the caller's context, and how runc reports. runc logs through logrus: an
 * error that ends a command is one `ERRO[0000] <message>` line on stderr (logrus' text format on a terminal) and
 * exit status 1; usage mistakes print `Incorrect Usage.` and the command's help on stdout first (urfave/cli).
 */
import type { CommandContext, CommandResult } from "../../userland/command.js";
import type { Host } from "../../host.js";

/** What a runc subcommand gets. */
export interface RuncCall {
  host: Host;
  ctx: CommandContext;
}

/** A runc error as the user sees it. */
export function runcError(message: string, code = 1): CommandResult {
  // logrus' TextFormatter pads the message to 44 columns and adds a blank ("%-44s ")
  return { stderr: `ERRO[0000] ${message.padEnd(44)} \n`, exitCode: code };
}

/** checkArgs: the wrong number of arguments. */
export function argsError(name: string, usage: string, n: number, kind: "exactly" | "minimum"): CommandResult {
  return {
    stdout: `Incorrect Usage.\n\nNAME:\n   runc ${name}\n\nUSAGE:\n   runc ${name} ${usage}\n`,
    stderr: runcError(`runc: "${name}" requires ${kind === "exactly" ? "exactly" : "a minimum of"} ${n} argument(s)`).stderr,
    exitCode: 1,
  };
}

/** Splits leading flags (Go flag package: flags stop at the first non-flag word). */
export function leadingFlags(args: string[], withValue: Set<string>): { flags: Map<string, string>; rest: string[] } | { error: string } {
  const flags = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") { i++; break; }
    if (!a.startsWith("-") || a === "-") break;
    const body = a.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const name = eq >= 0 ? body.slice(0, eq) : body;
    if (withValue.has(name)) {
      if (eq >= 0) flags.set(name, body.slice(eq + 1));
      else if (i + 1 < args.length) flags.set(name, args[++i]!);
      else return { error: `flag needs an argument: -${name}` };
    } else flags.set(name, eq >= 0 ? body.slice(eq + 1) : "true");
  }
  return { flags, rest: args.slice(i) };
}
