// Labs on worker threads give exactly what they give one after another in this thread, in the order given.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testLabFiles } from "../../../../runner/modes/test/index.js";

const fixtures = path.resolve(import.meta.dirname, "../../../fixtures/test-mode");
const labs = ["never-passes.md", "basics.md", "hatches.md", "early-check.md", "not-found.md"].map((f) => path.join(fixtures, f));
const withoutTimes = (o: unknown) => JSON.parse(JSON.stringify(o, (k, v) => (k === "durationMs" ? 0 : v)));

describe("testLabFiles", () => {
  it("gives the same results in parallel as in series, in the order the labs were given", async () => {
    const serial = await testLabFiles(labs, { jobs: 1 });
    const parallel = await testLabFiles(labs, { jobs: 2, useThisThread: false });
    expect(serial.map((r) => r.outcome.path)).toEqual(labs);
    expect(withoutTimes(parallel)).toEqual(withoutTimes(serial));
  }, 60_000);
});
