import { describe, it, expect } from "vitest";
import { seeded } from "../helpers.js";

describe("date", () => {
  it("reads the host's virtual clock", async () => {
    const { s } = seeded();
    expect((await s.run("date")).stdout).toBe("Thu Mar 26 13:00:01 UTC 2026\n");
    expect((await s.run("date +%F")).stdout).toBe("2026-03-26\n");
  });
});
