/**
 * SELinux MCS pairs for containers (sVirt), as opencontainers/selinux hands them out.
 *
 * On an SELinux host every container gets a level `s0:cA,cB`: two distinct categories out of c0..c1023, the
 * smaller first, no zero padding. The same level goes on the container's processes
 * (`system_u:system_r:container_t:s0:cA,cB`) and on its files (`system_u:object_r:container_file_t:s0:cA,cB`),
 * so two containers can never touch each other's files or memory even if both run as root.
 *
 * What always holds (go-selinux `uniqMcs`, `ContainerLabels`, `ReleaseLabel`):
 * - a pair is drawn at random and retried until it is not reserved, so live containers never share one;
 * - the pair of a removed container is released and may be drawn again later;
 * - `s0:c1022,c1023` is reserved from the start (the "privileged" label go-selinux keeps for
 *   `--security-opt label=disable`), so it is never handed to a container.
 * The table is plain data that lives in the host; randomness comes from the host's rng.
 */

/** Number of categories the container policy uses (go-selinux `maxCategory`, `CategoryRange`). */
export const MCS_CATEGORIES = 1024;

/** Base labels from /usr/share/containers/selinux/contexts (container-selinux). */
export const CONTAINER_PROCESS_TYPE = "system_u:system_r:container_t";
export const CONTAINER_FILE_TYPE = "system_u:object_r:container_file_t";

/** Level kept back for label=disable (`s0:c1022,c1023`). */
export const PRIVILEGED_LEVEL = `s0:c${MCS_CATEGORIES - 2},c${MCS_CATEGORIES - 1}`;

/** The reserved MCS levels of one host (`s0:cA,cB` strings). */
export interface McsTable {
  /** every level in use by a container (or kept back) */
  reserved: Set<string>;
}

/** A source of uniform integers in [0, n): the host's rng. */
export interface RandomBelow {
  (n: number): number;
}

/** A fresh table with the privileged level kept back, as go-selinux's loadLabels does. */
export function createMcsTable(): McsTable {
  return { reserved: new Set([PRIVILEGED_LEVEL]) };
}

/** Draw a level no live container holds and reserve it (go-selinux uniqMcs). */
export function allocMcs(table: McsTable, randomBelow: RandomBelow): string {
  // There are 523,776 pairs; a host with that many containers is a broken invariant, not a lab.
  if (table.reserved.size >= (MCS_CATEGORIES * (MCS_CATEGORIES - 1)) / 2) {
    throw new Error(`allocMcs: all ${table.reserved.size} MCS pairs are reserved`);
  }
  for (;;) {
    let c1 = randomBelow(MCS_CATEGORIES);
    let c2 = randomBelow(MCS_CATEGORIES);
    if (c1 === c2) continue;
    if (c1 > c2) [c1, c2] = [c2, c1];
    const level = `s0:c${c1},c${c2}`;
    if (table.reserved.has(level)) continue;
    table.reserved.add(level);
    return level;
  }
}

/** Mark a level as taken (an existing container found on disk: containers/storage ReserveLabel). */
export function reserveMcs(table: McsTable, level: string): void {
  table.reserved.add(level);
}

/** Give a removed container's level back (go-selinux ReleaseLabel). */
export function releaseMcs(table: McsTable, level: string): void {
  if (level !== PRIVILEGED_LEVEL) table.reserved.delete(level);
}

/** The process label for a level: `system_u:system_r:container_t:s0:c322,c619`. */
export function containerProcessLabel(level: string): string {
  return `${CONTAINER_PROCESS_TYPE}:${level}`;
}

/** The private file label for a level: `system_u:object_r:container_file_t:s0:c322,c619`. */
export function containerFileLabel(level: string): string {
  return `${CONTAINER_FILE_TYPE}:${level}`;
}

/** The shared file label `:z` gives: every container may read and write it. */
export function sharedContainerFileLabel(): string {
  return `${CONTAINER_FILE_TYPE}:s0`;
}

/** The categories of a level, or undefined if it is not `s0:cA,cB`. */
export function parseMcsLevel(level: string): [number, number] | undefined {
  const m = /^s0:c(\d{1,4}),c(\d{1,4})$/.exec(level);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a < b && b < MCS_CATEGORIES ? [a, b] : undefined;
}

/** The level part of a full context (`user:role:type:level`), e.g. `s0:c1,c2`. */
export function levelOf(context: string): string {
  const parts = context.split(":");
  return parts.slice(3).join(":");
}
