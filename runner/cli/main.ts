// The hostlab command line: one commander program; each subcommand lives in its own file under commands/.
import { Command } from "commander";
import { commands } from "./commands/index.js";

const program = new Command("hostlab")
  .description("Markdown lab notes as interactive, verifiable container-host labs")
  .version("0.1.0");
for (const register of commands) register(program);
await program.parseAsync(process.argv);
