// The bridge from `hostlab shell --lab` (runner/cli/commands/shell.ts) to the lab shell, on the real terminal.
import { createStdinReader } from "./line-reader.js";
import { startLabShell, type LabShellFlags } from "./start-lab-shell.js";

/** Runs the lab shell in this process; resolves to the exit status. */
export function labShellFromCli(name: string, flags: LabShellFlags): Promise<number> {
  return startLabShell(name, flags, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    columns: process.stdout.columns,
    reader: () => createStdinReader((text) => process.stdout.write(text)),
  });
}
