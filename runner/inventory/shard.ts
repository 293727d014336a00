// `--shard i/n`: one of n graders takes every n-th host, so a CI matrix or a Kubernetes indexed Job
// (JOB_COMPLETION_INDEX) fans a class out without coordinating. Shards are numbered from 1, like Playwright's and
// Vitest's; host k of the inventory (counted from 0) belongs to shard (k mod n) + 1. By index, not by hash, so the
// slices stay equal in size and a host stays in its shard as long as the inventory's order does.
import { LabInputError } from "../labs/errors.js";

export interface Shard {
  /** 1-based */
  index: number;
  count: number;
}

/** Reads `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new LabInputError(`--shard ${text}: write i/n with 1 ≤ i ≤ n, e.g. --shard 2/4`);
  return { index, count };
}

/** Whether the host at inventory position `position` (0-based) is in `shard`. */
export function inShard(position: number, shard: Shard | undefined): boolean {
  return !shard || position % shard.count === shard.index - 1;
}
