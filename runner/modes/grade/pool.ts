// A fixed number of workers taking items in order: `--jobs N` hosts graded at once. Once `signal` aborts no new
// item is started; items already running are left to see the signal themselves.

/** Runs `work` over `items`, at most `jobs` at a time. */
export async function runPool<T>(items: readonly T[], jobs: number, signal: AbortSignal | undefined, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
}
