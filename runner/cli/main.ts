// The hostlab command line: one commander program, each subcommand in its own file under commands/.
import { Command } from "commander";

const program = new Command("hostlab").description("Markdown lab notes as interactive, verifiable container-host labs");
await program.parseAsync(process.argv);
