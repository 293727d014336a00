// The bridge from the command line to the run mode: real stdin/stdout, Ctrl-C and SIGTERM turned into an abort
// signal (a running command stops, progress is saved, exit 130), and the terminal prompter built on demand.
import { readRunFlags, type RunFlags } from "./run-options.js";
import { startRun } from "./start-run.js";
import { createTerminalPrompter } from "./terminal-prompter.js";

/** Runs `hostlab run` in this process; resolves to the exit status. */
export async function runFromCli(name: string, flags: RunFlags): Promise<number> {
  const settings = readRunFlags(flags);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // A reader that went away (`hostlab run … | head`) ends the run like Ctrl-C, without a stack trace: what ran is
  // saved, nothing more runs.
  let stdoutGone = false;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    stdoutGone = true;
    stop();
  });
  try {
    return await startRun(name, settings, {
      out: (text) => void (stdoutGone || process.stdout.write(text)),
      err: (text) => process.stderr.write(text),
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      env: process.env,
      columns: process.stdout.columns,
      prompter: () => createTerminalPrompter({ color: settings.color }),
      signal: controller.signal,
    });
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}
