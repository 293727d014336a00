import { describe, expect, it } from "vitest";
import {
  allocMcs,
  containerFileLabel,
  containerProcessLabel,
  createMcsTable,
  parseMcsLevel,
  PRIVILEGED_LEVEL,
  releaseMcs,
  sharedContainerFileLabel,
} from "../../../engine/kernel/selinux-mcs.js";

/** A small deterministic generator (mulberry32) standing in for the host's rng. */
function seeded(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe("MCS allocation", () => {
  it("hands out s0:cA,cB with A < B < 1024", () => {
    const t = createMcsTable();
    const rnd = seeded(1);
    for (let i = 0; i < 500; i++) {
      const level = allocMcs(t, rnd);
      expect(level).toMatch(/^s0:c(\d|[1-9]\d{1,3}),c(\d|[1-9]\d{1,3})$/);
      const [a, b] = parseMcsLevel(level)!;
      expect(a).toBeLessThan(b);
      expect(b).toBeLessThan(1024);
    }
  });

  it("never hands out a level a live container holds", () => {
    const t = createMcsTable();
    // an rng that keeps proposing the same pair first
    const seq = [322, 619, 619, 322, 322, 619, 5, 6];
    let i = 0;
    const rnd = (n: number) => (i < seq.length ? seq[i++]! : 7) % n;
    expect(allocMcs(t, rnd)).toBe("s0:c322,c619");
    expect(allocMcs(t, rnd)).toBe("s0:c5,c6");
  });

  it("a released level can be drawn again; the privileged one never", () => {
    const t = createMcsTable();
    expect(t.reserved.has(PRIVILEGED_LEVEL)).toBe(true);
    const seq = [1, 2, 1, 2];
    let i = 0;
    const rnd = (n: number) => seq[i++]! % n;
    const l = allocMcs(t, rnd);
    releaseMcs(t, l);
    expect(allocMcs(t, rnd)).toBe(l);
    releaseMcs(t, PRIVILEGED_LEVEL);
    expect(t.reserved.has(PRIVILEGED_LEVEL)).toBe(true);
  });

  it("formats the process and file labels", () => {
    expect(containerProcessLabel("s0:c322,c619")).toBe("system_u:system_r:container_t:s0:c322,c619");
    expect(containerFileLabel("s0:c322,c619")).toBe("system_u:object_r:container_file_t:s0:c322,c619");
    expect(sharedContainerFileLabel()).toBe("system_u:object_r:container_file_t:s0");
  });

  it("is structured-cloneable", () => {
    const t = createMcsTable();
    allocMcs(t, seeded(3));
    expect(structuredClone(t)).toEqual(t);
  });
});
