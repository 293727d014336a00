// The host a session runs on, in the state the saved progress describes. On the built-in target that means a fresh
// host booted with the session's seed and profile and the command log typed again (replay.ts). A real machine
// (`local`) keeps its own state between sittings, so nothing is replayed there: typing the log again would run
// `rm` twice.
import type { ProfileName } from "../../engine/index.js";
import type { LabPlan } from "../play/plan.js";
import { LabPlayer } from "../play/player.js";
import type { Progress } from "../state/progress-store.js";
import type { Target } from "../targets/target.js";
import { deferTarget } from "./deferred-target.js";
import { replayLog, type ReplayResult } from "./replay.js";
import { seedNumber } from "./seed.js";

export interface RestoredHost {
  target: Target;
  player: LabPlayer;
  /** What the replay did; null when nothing was replayed (new session, or a real machine). */
  replay: ReplayResult | null;
  /** Setup commands (front matter `setup`) that failed on a new session. */
  setupFailures: Array<{ command: string; exitCode: number }>;
}

export interface RestoreOptions {
  /** A person at the keyboard: the built-in clock follows wall time. */
  wallClock: boolean;
  signal?: AbortSignal;
  /**
   * A new session on the built-in host boots when first used (deferred-target.ts); setup failures are reported
   * through this callback then, not in the result.
   */
  deferBoot?: (setupFailures: RestoredHost["setupFailures"]) => void;
}

/** Boots the session's target and brings it to the saved position. */
export async function restoreHost(plan: LabPlan, progress: Progress, options: RestoreOptions): Promise<RestoredHost> {
  const fresh = progress.log.length === 0;
  if (fresh && options.deferBoot && progress.target === "builtin") return deferredHost(plan, progress, options, options.deferBoot);
  const target = await createTarget(progress, options);
  const player = new LabPlayer(plan, target);
  if (progress.target !== "builtin") {
    const failed = fresh ? await player.prepare() : [];
    return { target, player, replay: null, setupFailures: failed.map((f) => ({ command: f.command, exitCode: f.result.exitCode })) };
  }
  if (fresh) {
    const failed = await player.prepare();
    return { target, player, replay: null, setupFailures: failed.map((f) => ({ command: f.command, exitCode: f.result.exitCode })) };
  }
  const replay = await replayLog(player, progress.log, progress.step, options.signal);
  return { target, player, replay, setupFailures: [] };
}

// A new session on the built-in host: booted and prepared when first used.
function deferredHost(plan: LabPlan, progress: Progress, options: RestoreOptions, report: NonNullable<RestoreOptions["deferBoot"]>): RestoredHost {
  const deferred = deferTarget("builtin", async () => {
    const real = await createTarget(progress, options);
    // Prepared on the real target: the deferred one would wait for this very boot.
    const failed = await new LabPlayer(plan, real).prepare();
    report(failed.map((f) => ({ command: f.command, exitCode: f.result.exitCode })));
    return real;
  });
  return { target: deferred, player: new LabPlayer(plan, deferred), replay: null, setupFailures: [] };
}

async function createTarget(progress: Progress, options: RestoreOptions): Promise<Target> {
  if (progress.target === "local") {
    const { createLocalTarget } = await import("../targets/local.js");
    return createLocalTarget();
  }
  const { createBuiltinTarget } = await import("../targets/builtin.js");
  return createBuiltinTarget({ seed: seedNumber(progress.seed), profile: progress.host as ProfileName, wallClock: options.wallClock });
}
