// A target booted on first use: once, whoever asks first, and never silently before it is ready.
import { describe, expect, it } from "vitest";
import { deferTarget } from "../../../runner/session/deferred-target.js";
import { createBuiltinTarget } from "../../../runner/targets/builtin.js";

describe("deferTarget", () => {
  it("boots once, on the first use or after warmUp, and then behaves as the real target", async () => {
    let boots = 0;
    const target = deferTarget("builtin", async () => {
      boots++;
      return createBuiltinTarget({ seed: 1 });
    });
    expect(() => target.prompt()).toThrow(/before ready/);
    expect(boots).toBe(0);
    target.warmUp();
    const [a, b] = await Promise.all([target.run("echo one"), target.probe("echo two")]);
    expect([a.stdout, b.stdout]).toEqual(["one\n", "two\n"]);
    await target.ready();
    expect(target.prompt()).toBe("[root@rhel9 ~]# ");
    await new Promise((r) => setTimeout(r, 50)); // the warm-up timer fires after the boot: no second boot
    expect(boots).toBe(1);
    await target.close();
  });
});
