// The book's "Try it" terminal: xterm.js on the page, the lab's built-in host running in this tab (machine.ts), a
// readline-like prompt (line-editor.ts), the step's checks (checks-panel.ts) and progress kept in localStorage
// (progress.ts). Bundled into one classic script (book/bundle/terminal-bundle.ts); the lab page sets
// window.HOSTLAB_LAB before loading it. Nothing here talks to a server: every reader's browser runs its own host.
import "@xterm/xterm/css/xterm.css";
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import { PAGE_DATA_GLOBAL, type LabPageData } from "../page-data.js";
import { runStepChecks } from "./checks-panel.js";
import { LineEditor } from "./line-editor.js";
import { bootMachine, type Machine } from "./machine.js";
import { clearSession, loadSession, saveSession, type SavedSession } from "./progress.js";
import { terminalTheme } from "./theme.js";

/** What tests (and curious readers, from the console) can reach: window.hostlabTerminal. */
interface TerminalHandle {
  term: Terminal | null;
  /** Resolves once the prompt is up and typing works. */
  ready: Promise<void>;
  /** Commands replayed from storage when the session resumed. */
  resumed: number;
  /** Commands run in the terminal so far (tests wait for it to grow). */
  commandsRun: number;
  /** performance.now() when the prompt came up: milliseconds since the page started loading (the bench reads it). */
  readyAtMs: number | null;
}

declare global {
  interface Window {
    HOSTLAB_LAB?: LabPageData;
    hostlabTerminal?: TerminalHandle;
  }
}

function setUpPage(data: LabPageData): void {
  const panel = document.getElementById("terminal-panel");
  const host = document.getElementById("terminal");
  const status = document.getElementById("terminal-status");
  if (!panel || !host || !status) return;
  let app: Promise<TerminalApp> | null = null;
  // The host boots once, when the tab is idle after loading (or at the first click, whichever comes first), so
  // "Try it" usually finds it ready: a reader reads before they type.
  let machine: Promise<Machine> | null = null;
  const boot = () => (machine ??= bootMachine(data));
  const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  window.addEventListener("load", () => idle(() => void boot().catch(() => {})), { once: true }); // a failure shows at "Try it"
  let markReady: () => void = () => {};
  const handle: TerminalHandle = { term: null, ready: new Promise((r) => (markReady = r)), resumed: 0, commandsRun: 0, readyAtMs: null };
  window.hostlabTerminal = handle;

  const open = (): Promise<TerminalApp> => {
    panel.hidden = false;
    document.body.classList.add("terminal-open");
    app ??= TerminalApp.start(data, host, status, boot()).then((a) => {
      handle.term = a.term;
      handle.resumed = a.resumed;
      handle.readyAtMs = performance.now();
      document.body.dataset.terminal = "ready";
      markReady();
      return a;
    });
    app.then(
      (a) => a.focus(),
      (e: unknown) => {
        // A bug in the engine or a page from a broken build: say so where the reader looks, and let them retry.
        status.textContent = `the built-in host failed to start: ${e instanceof Error ? e.message : String(e)} (reload to try again)`;
        document.body.dataset.terminal = "failed";
      },
    );
    return app;
  };
  document.querySelectorAll<HTMLElement>("[data-action=try-it]").forEach((button) => button.addEventListener("click", () => void open()));
  document.querySelector("[data-action=close-terminal]")?.addEventListener("click", () => {
    panel.hidden = true;
    document.body.classList.remove("terminal-open");
  });
  document.querySelector("[data-action=reset-terminal]")?.addEventListener("click", () => {
    clearSession(localStorage, data.id);
    location.reload();
  });
  // A click on a command in the text puts it on the prompt, ready to edit or run.
  document.querySelectorAll<HTMLElement>("[data-command]").forEach((code) => {
    code.addEventListener("click", () => void open().then((a) => a.putOnPrompt(code.dataset.command ?? "")));
  });
  document.querySelectorAll<HTMLButtonElement>("[data-action=check]").forEach((button) => {
    button.addEventListener("click", async () => {
      const step = Number(button.dataset.step);
      const list = document.querySelector<HTMLElement>(`[data-checks-of="${step}"]`);
      if (!list) return;
      button.disabled = true;
      try {
        await runStepChecks((await open()).machine, data.steps[step]?.checks ?? [], list);
      } finally {
        button.disabled = false;
      }
    });
  });
  // A saved session opens the terminal at once, so the reader finds it where they left it.
  if (loadSession(localStorage, data.id, data)) void open();
}

/** One terminal on one host: the prompt loop, the command log, the replay. */
class TerminalApp {
  private editor = new LineEditor();
  private running: AbortController | null = null;
  private session: SavedSession;
  resumed = 0;

  private constructor(
    readonly data: LabPageData,
    readonly term: Terminal,
    readonly machine: Machine,
    saved: SavedSession | null,
  ) {
    this.session = saved ?? { version: 1, hash: data.hash, seed: data.seed, profile: data.profile, log: [] };
  }

  static async start(data: LabPageData, element: HTMLElement, status: HTMLElement, booting: Promise<Machine>): Promise<TerminalApp> {
    // lineHeight above 1: at 1 the DOM renderer clips underscores, and `container_t` reads as `container t`.
    const term = new Terminal({ cursorBlink: true, convertEol: false, fontSize: 14, lineHeight: 1.2, scrollback: 5000, theme: terminalTheme() });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    fit.fit();
    new ResizeObserver(() => fit.fit()).observe(element);
    new MutationObserver(() => (term.options.theme = terminalTheme())).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    status.textContent = "starting the built-in host…";
    const machine = await booting;
    const saved = loadSession(localStorage, data.id, data);
    const app = new TerminalApp(data, term, machine, saved);
    if (saved && saved.log.length) {
      status.textContent = `replaying ${saved.log.length} commands…`;
      const diverged = await app.replay(saved);
      app.resumed = saved.log.length;
      const replayed = `${app.resumed} ${app.resumed === 1 ? "command" : "commands"} replayed`;
      const differ = diverged ? `; ${diverged} ended differently than before (Reset starts afresh)` : "";
      status.textContent = `session resumed (${replayed}${differ})`;
      term.writeln(`\x1b[2m# session resumed: ${replayed}${differ}\x1b[0m`);
    } else {
      status.textContent = `built-in host (${data.profile}) ready`;
      term.writeln(`\x1b[2m# A simulated ${data.profile} host runs in this tab. Click a command in the text to put it here.\x1b[0m`);
    }
    term.onData((d) => app.onData(d));
    app.prompt();
    return app;
  }

  focus(): void {
    this.term.focus();
  }

  /** Replaces the line being edited with a command from the page (only while no command runs). */
  putOnPrompt(command: string): void {
    if (!this.running) this.term.write(this.editor.replace(command));
    this.focus();
  }

  private prompt(written?: () => void): void {
    this.editor.reset();
    this.term.write(this.machine.prompt(), written);
  }

  private onData(data: string): void {
    if (this.running) {
      if (data.includes("\x03")) this.running.abort();
      return;
    }
    const r = this.editor.feed(data);
    if (r.clear) {
      this.term.clear();
      this.term.write("\x1b[2K\r");
      return this.prompt();
    }
    this.term.write(r.echo);
    if (r.interrupt) return this.prompt();
    if (r.submit !== undefined) void this.execute(r.submit);
  }

  private async execute(line: string): Promise<void> {
    if (!line.trim()) return this.prompt();
    this.running = new AbortController();
    try {
      const r = await this.machine.run(line, this.running.signal);
      for (const chunk of r.output) this.term.write(chunk.text.replace(/\r?\n/g, "\r\n"));
      if (r.exitCode === 130 && this.running.signal.aborted) this.term.write("\r\n");
      this.session.log.push({ line, exitCode: r.exitCode });
      saveSession(localStorage, this.data.id, this.session);
    } catch (e) {
      // A bug in the engine must not take the terminal down: say so, keep the prompt.
      this.term.write(`\x1b[31mhostlab: internal error: ${e instanceof Error ? e.message : String(e)}\x1b[0m\r\n`);
    } finally {
      this.running = null;
    }
    // xterm parses writes asynchronously: count the command once its prompt is really on the screen.
    this.prompt(() => {
      if (window.hostlabTerminal) window.hostlabTerminal.commandsRun++;
    });
  }

  // Types the saved lines again with no output and no waiting; they go back into the history for Up. Returns how
  // many ended with another exit status than the first time (a sign the engine changed since the last visit).
  private async replay(saved: SavedSession): Promise<number> {
    let diverged = 0;
    this.machine.fastForward = true;
    try {
      for (const entry of saved.log) {
        const r = await this.machine.run(entry.line);
        if (r.exitCode !== entry.exitCode) diverged++;
        this.editor.remember(entry.line);
      }
    } finally {
      this.machine.fastForward = false;
    }
    return diverged;
  }
}

// Last, once TerminalApp is defined: a saved session opens the terminal while the page loads.
const data = window[PAGE_DATA_GLOBAL as "HOSTLAB_LAB"];
if (data) setUpPage(data);
