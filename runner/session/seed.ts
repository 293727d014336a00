// The built-in host takes a numeric seed; front matter and saved progress may hold any string. A seed fixes ids,
// MCS pairs, pids and the clock, so a saved session must name the exact seed its host was booted with.
import { randomInt } from "node:crypto";

const MAX_SEED = 2 ** 31 - 1;

/** The host seed a string names: the number itself when it is one, else a stable hash of the text. */
export function seedNumber(seed: string | number): number {
  if (typeof seed === "number") return seed;
  const trimmed = seed.trim();
  if (/^-?\d+$/.test(trimmed) && Math.abs(Number(trimmed)) <= Number.MAX_SAFE_INTEGER) return Number(trimmed);
  // FNV-1a: small, stable across versions, good enough to spread names over the seed space.
  let h = 0x811c9dc5;
  for (let i = 0; i < trimmed.length; i++) {
    h ^= trimmed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h & MAX_SEED;
}

/** A fresh seed for a new session, so each student's host looks alive yet can be rebuilt exactly. */
export function freshSeed(): string {
  return String(randomInt(1, MAX_SEED));
}
