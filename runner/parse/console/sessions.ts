// Nested shell sessions. After `podman exec -it web bash` the student types into a shell inside the container until
// `exit` returns them to the host; the commands in between must run there. A command opens a session when it starts
// an interactive shell: an engine's `exec`/`run` with both -i and -t whose command is a shell, or a bare shell on its
// own (`bash`, `sh -l`). `podman run -it IMAGE chmod …` is interactive but runs chmod, so it opens nothing; a
// `run -it IMAGE` with no command is not treated as a shell either (the image decides; write `… IMAGE bash`).
import type { Session } from "../../model/lab.js";
import { hasOption, parseEngineCommand } from "./engine-command.js";
import { simpleCommands, splitWords, type Word } from "./words.js";

const SHELLS = new Set(["bash", "sh", "zsh", "ash", "dash", "ksh"]);
/** Options that keep a bare shell interactive (a login shell is still a shell); `-c` would run a script instead. */
const INTERACTIVE_SHELL_FLAGS = new Set(["-l", "--login", "-i", "--norc", "--noprofile", "-"]);

export interface ShellOpening {
  via: Session["via"];
  container: string | null;
  shell: string;
}

/** If the command starts an interactive shell, what kind; else null. Only a command's first simple command counts. */
export function detectShellOpening(command: string): ShellOpening | null {
  const words = splitWords(command.split("\n")[0]);
  const list = simpleCommands(words);
  // `bash | tee` or `podman exec -it c bash && …` do not leave the student in a shell.
  if (list.length !== 1 || words.some((w) => w.operator)) return null;
  const argv = list[0];
  const engine = parseEngineCommand(argv);
  if (engine) {
    if (!["exec", "run"].includes(engine.subcommand)) return null;
    if (!hasOption(engine, "-i", "--interactive") || !hasOption(engine, "-t", "--tty")) return null;
    // `podman exec -l` (--latest) names no container: the positionals are the command.
    const latest = engine.subcommand === "exec" && hasOption(engine, "-l", "--latest");
    const target = latest ? null : (engine.positionals[0] ?? null);
    const rest = engine.positionals.slice(latest ? 0 : 1);
    if ((!target && !latest) || !isInteractiveShell(rest)) return null;
    return { via: engine.engine, container: target ? target.value : null, shell: rest[0].value };
  }
  const start = argv[0]?.value === "sudo" ? 1 : 0;
  const shellArgv = argv.slice(start);
  return isInteractiveShell(shellArgv) ? { via: "shell", container: null, shell: shellArgv[0].value } : null;
}

/** `exit`, `exit 0` or `logout`: leaves the current nested session. */
export function isExit(command: string): boolean {
  return /^\s*(exit(\s+\d+)?|logout)\s*$/.test(command);
}

function isInteractiveShell(argv: readonly Word[]): boolean {
  if (argv.length === 0) return false;
  const name = argv[0].value.split("/").pop() ?? "";
  return SHELLS.has(name) && argv.slice(1).every((w) => INTERACTIVE_SHELL_FLAGS.has(w.value));
}
