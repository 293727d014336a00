import { describe, expect, it } from "vitest";
import { matchGlob } from "../../../checks/transcript/glob.js";

describe("glob for (glob) lines", () => {
  it.each([
    ["/var/lib/containers/*", "/var/lib/containers/storage", true],
    ["/var/lib/containers/*", "/root/.local/share/containers/storage", false],
    ["v?", "v1", true],
    ["v?", "v12", false],
    ["*", "", true],
    ["a*b*c", "axxbyyc", true],
    ["a*b*c", "axxbyy", false],
    ["[..]", "[..]", true],
  ])("%s on %j → %s", (pattern, text, want) => {
    expect(matchGlob(pattern, text)).toBe(want);
  });

  it("stays fast on many stars against a long line that almost matches", () => {
    const t0 = performance.now();
    expect(matchGlob("*a*a*a*a*a*a*a*a*b", "a".repeat(20_000))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
