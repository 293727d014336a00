// A target that boots on first use. The built-in host takes a few hundred milliseconds of CPU to boot (its root file
// system is built file by file), and a student starting a lab reads the step's text before typing anything: so
// `hostlab run` draws the first menu first and boots the host while the student reads (`warmUp`), instead of making
// the first prompt wait for it.
import type { CommandResult, RunOptions, Target } from "../targets/target.js";

/** A pause long enough for the terminal to draw the menu before the boot takes the CPU. */
const WARM_UP_DELAY_MS = 30;

export interface DeferredTarget extends Target {
  /** Boots now if not yet booted; resolves once the real target is ready. */
  ready(): Promise<void>;
  /** Starts booting soon, without waiting for it. */
  warmUp(): void;
  /** Shells open in the student's terminal (1 = the login shell). */
  depth(): number;
}

/** Wraps `boot` so it runs once, when the target is first needed or warmed up. */
export function deferTarget(name: string, boot: () => Promise<Target>): DeferredTarget {
  let booting: Promise<Target> | undefined;
  let real: Target | undefined;
  const start = () =>
    (booting ??= boot().then((t) => {
      real = t;
      return t;
    }));
  return {
    name,
    prompt() {
      if (!real) throw new Error("deferred target: prompt() called before ready()");
      return real.prompt();
    },
    async run(command: string, options?: RunOptions): Promise<CommandResult> {
      return (await start()).run(command, options);
    },
    async probe(command: string, options?: RunOptions): Promise<CommandResult> {
      return (await start()).probe(command, options);
    },
    async writeFile(path: string, content: string): Promise<void> {
      return (await start()).writeFile(path, content);
    },
    async close() {
      if (booting) await (await booting).close();
    },
    async ready() {
      await start();
    },
    // How many shells are open, for targets that know (the built-in one); a host not booted yet has its login shell.
    depth(): number {
      const known = real as (Target & { depth?: () => number }) | undefined;
      return known?.depth?.() ?? 1;
    },
    warmUp() {
      if (!booting) setTimeout(() => void start().catch(() => undefined), WARM_UP_DELAY_MS);
    },
  };
}

/** The deferred side of a target, when it has one. */
export function asDeferred(target: Target): Partial<Pick<DeferredTarget, "ready" | "warmUp">> {
  return target as Partial<DeferredTarget>;
}
