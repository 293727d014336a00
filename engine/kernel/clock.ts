/**
 * The system clock (clock_gettime(2)): CLOCK_REALTIME for timestamps and CLOCK_MONOTONIC since boot.
 *
 * The simulated host never reads the machine's clock by itself. In a scripted (non-interactive) run time is
 * virtual: each command line advances it by a fixed step, and `sleep 10` advances it by ten seconds, so a run is
 * reproducible to the byte. Interactively the host follows a time source injected at the edge (the CLI passes
 * `Date.now`), as a real host follows the wall clock; it never goes backwards.
 */

/** Milliseconds a scripted command line takes on the virtual clock. */
export const COMMAND_STEP_MS = 1000;

/** The clock's state: plain data, part of a host snapshot. */
export interface ClockState {
  /** CLOCK_REALTIME now, in ms since the epoch */
  nowMs: number;
  /** realtime at boot (uptime = nowMs - bootMs) */
  bootMs: number;
  /** "virtual": advances only by tick/advance; "wall": follows the injected time source */
  mode: "virtual" | "wall";
  /** the virtual step per command line */
  stepMs: number;
  /** wall mode: offset added to the time source (lets `sleep` move time forward) */
  offsetMs: number;
}

/** A source of wall-clock time, injected by the caller (e.g. `Date.now`); never read inside the engine. */
export type TimeSource = () => number;

/** A fresh clock at `startMs`, booted `uptimeMs` earlier. */
export function createClock(startMs: number, uptimeMs: number, mode: ClockState["mode"]): ClockState {
  return { nowMs: startMs, bootMs: startMs - uptimeMs, mode, stepMs: COMMAND_STEP_MS, offsetMs: 0 };
}

/** Reads CLOCK_REALTIME; in wall mode first catches up with the time source (monotonic). */
export function readClock(clock: ClockState, source?: TimeSource): number {
  if (clock.mode === "wall" && source) {
    const t = source() + clock.offsetMs;
    if (t > clock.nowMs) clock.nowMs = t;
  }
  return clock.nowMs;
}

/** Moves time forward by `ms` (sleep, a command's run time). In wall mode the offset keeps the jump. */
export function advanceClock(clock: ClockState, ms: number): void {
  if (ms <= 0) return;
  clock.nowMs += ms;
  if (clock.mode === "wall") clock.offsetMs += ms;
}

/** The fixed step a scripted command line takes; wall clocks move by themselves. */
export function tickClock(clock: ClockState): void {
  if (clock.mode === "virtual") clock.nowMs += clock.stepMs;
}

/** Seconds since boot (CLOCK_MONOTONIC, as /proc/uptime shows). */
export function uptimeSeconds(clock: ClockState): number {
  return (clock.nowMs - clock.bootMs) / 1000;
}
