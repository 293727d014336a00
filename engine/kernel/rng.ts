/**
 * The kernel's random source (getrandom(2), /dev/urandom) as the host's processes see it: container ids, MCS
 * categories, pid gaps and layer ids all come from here. It is a seeded sfc32 generator whose state is four
 * 32-bit words of plain data, so a snapshot restores the exact sequence and the same seed gives the same host.
 */

/** The generator state: part of a host snapshot. */
export interface RngState {
  s: [number, number, number, number];
}

/** A generator from a 32-bit seed (mixed with splitmix32 so close seeds diverge). */
export function createRng(seed: number): RngState {
  let x = seed >>> 0;
  const next = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const rng: RngState = { s: [next(), next(), next(), next()] };
  for (let i = 0; i < 12; i++) nextU32(rng);
  return rng;
}

/** The next 32-bit unsigned value (sfc32). */
export function nextU32(rng: RngState): number {
  let [a, b, c, d] = rng.s;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = ((c << 21) | (c >>> 11)) >>> 0;
  c = (c + t) >>> 0;
  rng.s = [a >>> 0, b, c, d];
  return t;
}

/** A uniform integer in [0, n). */
export function randInt(rng: RngState, n: number): number {
  if (!(n > 0)) throw new Error(`randInt: expected a positive bound, got ${n}`);
  return Math.floor((nextU32(rng) / 0x100000000) * n);
}

/** `len` lowercase hex digits (container ids are 64). */
export function randHex(rng: RngState, len: number): string {
  let out = "";
  while (out.length < len) out += nextU32(rng).toString(16).padStart(8, "0");
  return out.slice(0, len);
}

/** A random seed for hosts created without one; drawn from the injected source, never Math.random here. */
export function seedFrom(entropy: number): number {
  return (Math.floor(entropy) ^ 0x5bd1e995) >>> 0;
}
