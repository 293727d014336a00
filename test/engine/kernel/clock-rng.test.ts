import { describe, it, expect } from "vitest";
import { createRng, nextU32, randInt, randHex } from "../../../engine/kernel/rng.js";
import { createClock, readClock, advanceClock, tickClock } from "../../../engine/kernel/clock.js";

describe("rng", () => {
  it("is a pure function of its seed and its state is plain data", () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 5 }, () => nextU32(a))).toEqual(Array.from({ length: 5 }, () => nextU32(b)));
    const copy = structuredClone(a);
    expect(randHex(a, 64)).toBe(randHex(copy, 64));
    expect(randHex(createRng(1), 64)).not.toBe(randHex(createRng(2), 64));
    const r = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const v = randInt(r, 1024);
      expect(v >= 0 && v < 1024).toBe(true);
    }
  });
});

describe("clock", () => {
  it("virtual: moves only by ticks and advances", () => {
    const c = createClock(1000, 500, "virtual");
    tickClock(c);
    advanceClock(c, 10_000);
    expect(readClock(c, () => 999_999_999)).toBe(1000 + c.stepMs + 10_000);
  });

  it("wall: follows the source, never goes back, keeps sleeps", () => {
    let t = 5000;
    const c = createClock(5000, 0, "wall");
    t = 6000;
    expect(readClock(c, () => t)).toBe(6000);
    t = 5500;
    expect(readClock(c, () => t)).toBe(6000);
    advanceClock(c, 1000);
    t = 6000;
    expect(readClock(c, () => t)).toBe(7000);
  });
});
