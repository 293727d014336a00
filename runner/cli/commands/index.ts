// Every hostlab subcommand, in the order `hostlab --help` lists them. A command is a file here that exports
// `register(program)`; adding one means adding its file and one line below.
import type { Command } from "commander";

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [];
