// Driving a program in a real terminal: a detached tmux session on its own socket (so tests never touch a user's
// tmux), keys sent with send-keys, the screen read with capture-pane.
import { execFileSync, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

/** Whether tmux is installed (CI installs it through scripts/ci-deps.mjs). */
export function hasTmux(): boolean {
  return spawnSync("tmux", ["-V"], { encoding: "utf8" }).status === 0;
}

export class TmuxSession {
  private socket = "";
  private socketPath = "";
  private starts = 0;

  constructor(readonly name: string) {}

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, "-f", "/dev/null", ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  }

  /** Starts `command` (a shell line) in a 100×50 terminal. */
  start(command: string, env: Record<string, string>): void {
    // A new server each time: starting one on a socket whose server is still shutting down fails now and then.
    this.socket = `hostlab-e2e-${process.pid}-${this.name}-${++this.starts}`;
    const exports = Object.entries(env).map(([k, v]) => `export ${k}='${v}';`).join(" ");
    this.tmux("new-session", "-d", "-s", this.name, "-x", "100", "-y", "50", `${exports} ${command}; echo "EXIT=$?"; sleep 60`);
    this.socketPath = this.tmux("display-message", "-p", "#{socket_path}").trim();
  }

  /** Types keys: literal text with `text`, or key names (Enter, C-c) with `keys`. */
  text(text: string): void {
    this.tmux("send-keys", "-t", this.name, "-l", text);
  }

  keys(...keys: string[]): void {
    this.tmux("send-keys", "-t", this.name, ...keys);
  }

  /** The screen and its scrollback, as plain text. */
  screen(): string {
    return this.tmux("capture-pane", "-p", "-J", "-S", "-500", "-t", this.name);
  }

  /** Waits until the screen matches, or fails with what the screen shows. */
  async waitFor(pattern: string | RegExp, timeoutMs = 8000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof pattern === "string" ? screen.includes(pattern) : pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; the screen shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Clears the scrollback so the next waitFor only sees new output. */
  clear(): void {
    this.tmux("clear-history", "-t", this.name);
  }

  kill(): void {
    if (!this.socket) return;
    try {
      this.tmux("kill-server");
    } catch {
      /* already gone */
    }
    // tmux leaves the socket file of a killed server behind.
    if (this.socketPath) rmSync(this.socketPath, { force: true });
  }
}
