// Test runs must be byte-for-byte repeatable, so the built-in host is always seeded: with the lab's front matter
// `seed` when it has one, else with one fixed seed shared by every lab.

/** The seed a lab without a `seed` in its front matter is tested with. */
export const DEFAULT_TEST_SEED = 1;

/** The engine's numeric seed for a front matter `seed` (an integer, or any string, hashed with FNV-1a). */
export function seedOf(seed: number | string | undefined): number {
  if (seed === undefined) return DEFAULT_TEST_SEED;
  if (typeof seed === "number") return seed >>> 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
