// The course's own lab, resumed: a sitting at the keyboard (wall clock on) is rebuilt by replay with the very same
// containers — same ids, same MCS pairs — so what the student saw before quitting is still true after.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../../../e2e/cli-bundle.js";
import { run, runLab, scratchState } from "./harness.js";

const COURSE = path.join(REPO, "labs/container-hosts.md");
const LOOK = "podman ps -q --no-trunc; ps -eZ | grep ' top' | cut -d' ' -f1";

describe("resuming container-hosts", () => {
  it("rebuilds the same containers the student started", async () => {
    const state = scratchState();
    const first = await runLab(COURSE, state, [run, run, run, { choose: "own" }, { input: LOOK }, { choose: "quit" }]);
    const seen = first.out.slice(first.out.indexOf(LOOK) + LOOK.length).split("? ")[0].split("\n").filter((l) => /^[0-9a-f]{64}$|container_t/.test(l));
    expect(seen).toHaveLength(5); // two podman ids, three labelled top processes

    const second = await runLab(COURSE, state, [{ choose: "own" }, { input: LOOK }, { choose: "quit" }]);
    expect(second.out).toContain("Resuming Container Hosts at step 1 (4 commands replayed)");
    expect(second.out).not.toContain("ended differently");
    const again = second.out.slice(second.out.indexOf(LOOK) + LOOK.length).split("\n").filter((l) => /^[0-9a-f]{64}$|container_t/.test(l));
    expect(again).toEqual(seen);
  }, 30_000);
});
