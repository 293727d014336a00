// Where hostlab keeps a user's progress: the XDG base-directory spec's state home, which is meant for exactly this
// ("data that should persist between restarts but is not important or portable enough for $XDG_DATA_HOME").
import { homedir } from "node:os";
import { join } from "node:path";

/** `$XDG_STATE_HOME/hostlab`, or `~/.local/state/hostlab` when the variable is unset or not absolute. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_STATE_HOME;
  const base = xdg && xdg.startsWith("/") ? xdg : join(env.HOME || homedir(), ".local", "state");
  return join(base, "hostlab");
}
