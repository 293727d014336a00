// Shared timing helpers for bench/*.bench.ts: medians over repeated runs, printed as `name\tvalue\tunit\tnote`.
import { performance } from "node:perf_hooks";

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs fn `warmup` times unmeasured, then `runs` times, and returns the median wall time in milliseconds. */
export async function timeMedian(fn: () => unknown, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Prints one figure in the format scripts/bench.mjs collects. */
export function report(name: string, value: number, unit: string, note = ""): void {
  const shown = value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toFixed(4);
  console.log(`${name}\t${shown}\t${unit}\t${note}`);
}
