// `hostlab shell`: an interactive shell on the built-in host — readline with history, Ctrl-C cancels the line or
// the running command, nested shells (`bash`, `podman exec -it … bash`) change the prompt, `exit` closes them.
// With a pipe on stdin it runs the script line by line and prints the transcript: `<prompt><line>` then output.
import type { Command } from "commander";
import { withFriendlyErrors } from "../../labs/errors.js";
import { createInterface } from "node:readline";
import type { Session } from "../../../engine/index.js";

interface ShellOptions {
  seed?: string;
  host: string;
  lab?: string;
}

export function register(program: Command): void {
  program
    .command("shell")
    .description("open a shell on the built-in simulated container host")
    .option("--seed <n>", "fix ids, pids, MCS pairs and times (deterministic)")
    .option("--host <profile>", "host profile: rhel7 or rhel9", "rhel9")
    .option("--lab <lab>", "the lab's host at your current step (replayed), with :check, :next and :help")
    .action(async (opts: ShellOptions, command: Command) => {
      if (opts.lab !== undefined) {
        // The lab shell lives in runner/modes/lab-shell/; only the saved session's own seed and profile apply.
        const host = command.getOptionValueSource("host") === "cli" ? opts.host : undefined;
        const { labShellFromCli } = await import("../../modes/lab-shell/cli-entry.js");
        return withFriendlyErrors(async () => void (process.exitCode = await labShellFromCli(opts.lab!, { seed: opts.seed, host })));
      }
      if (opts.host !== "rhel7" && opts.host !== "rhel9") {
        process.stderr.write(`hostlab shell: unknown host profile "${opts.host}" (expected rhel7 or rhel9)\n`);
        process.exitCode = 2;
        return;
      }
      const seed = opts.seed !== undefined ? Number(opts.seed) : undefined;
      if (seed !== undefined && !Number.isInteger(seed)) {
        process.stderr.write(`hostlab shell: --seed expects an integer, got "${opts.seed}"\n`);
        process.exitCode = 2;
        return;
      }
      const interactive = Boolean(process.stdin.isTTY);
      // The engine is loaded when a shell opens, so other subcommands start without it.
      const { createHost, openSession } = await import("../../../engine/index.js");
      const host = createHost({ seed, profile: opts.host, interactive, timeSource: () => Date.now(), wait: realWait });
      const session = openSession(host, { interactive, env: process.stdout.columns ? { COLUMNS: String(process.stdout.columns) } : {} });
      if (interactive) await interactiveLoop(session);
      else await scriptLoop(session);
    });
}

/** A real, abortable wait: `sleep 10` at the terminal takes ten seconds and Ctrl-C ends it. */
function realWait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      done();
    }, { once: true });
  });
}

/** Reads a script from the pipe and prints the transcript. */
async function scriptLoop(session: Session): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  let pending = "";
  for await (const raw of rl) {
    // join continuation lines (`\` at the end) into one command line, as bash reads them
    if (raw.endsWith("\\")) {
      pending += raw.slice(0, -1) + " ";
      continue;
    }
    const line = pending + raw;
    pending = "";
    if (session.closed) break;
    process.stdout.write(session.prompt + line + "\n");
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const r = await session.run(line);
    // a transcript is one stream: stderr goes in at its place, as a terminal would have shown it
    for (const chunk of r.output) process.stdout.write(chunk.text);
  }
}

/** A terminal: prompt, history, Ctrl-C. */
async function interactiveLoop(session: Session): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 1000 });
  let running: AbortController | null = null;
  rl.on("SIGINT", () => {
    if (running) {
      running.abort();
      return;
    }
    // Ctrl-C at the prompt drops the line, as bash does
    process.stdout.write("^C\n");
    rl.setPrompt(session.prompt);
    rl.prompt();
  });
  rl.setPrompt(session.prompt);
  rl.prompt();
  for await (const line of rl) {
    if (line.trim() !== "") {
      running = new AbortController();
      const r = await session.run(line, { signal: running.signal });
      if (running.signal.aborted) process.stdout.write("^C\n");
      running = null;
      for (const chunk of r.output) (chunk.stream === "stdout" ? process.stdout : process.stderr).write(chunk.text);
      if (session.closed) break;
    }
    rl.setPrompt(session.prompt);
    rl.prompt();
  }
  rl.close();
}
