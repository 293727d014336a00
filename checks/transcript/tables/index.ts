// The table rule for a command, by the program that prints the output (command.ts). One rule per kind of table;
// a command with no rule matches line by line, by shape.

import { programOf } from "../command.js";
import { columnsRule } from "./columns.js";
import { figuresRule } from "./figures.js";
import { isLongListing, lsRule } from "./ls.js";
import { psRule } from "./ps.js";
import type { TableRule } from "./types.js";

// podman/docker subcommands that print a tabwriter table, with the object word of `podman container ls` style.
const ENGINE_TABLES = new Set(["ps", "images", "top", "stats", "container ls", "container ps", "container list",
  "image ls", "image list", "container top", "volume ls", "network ls", "pod ps", "pod ls", "history"]);

/** The table rule for the output of `command`, if its program prints a table. */
export function ruleFor(command: string): TableRule | undefined {
  const call = programOf(command);
  if (!call) return undefined;
  const { program, args } = call;
  if (program === "ps") return psRule(args);
  if (program === "ls" && isLongListing(args)) return lsRule(args);
  if (program === "df" || program === "free") return figuresRule(program);
  if (program === "podman" || program === "docker") {
    const words = args.filter((a) => !a.startsWith("-"));
    const sub = words[0] === "container" || words[0] === "image" || words[0] === "volume" || words[0] === "network" || words[0] === "pod"
      ? `${words[0]} ${words[1] ?? ""}`
      : words[0];
    if (sub && ENGINE_TABLES.has(sub)) return columnsRule(`${program} ${sub}`);
  }
  return undefined;
}
