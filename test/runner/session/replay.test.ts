// Replaying a command log on a fresh host with the same seed rebuilds the same host: the promise resuming rests on.
import { describe, expect, it } from "vitest";
import { parseLab } from "../../../runner/parse/index.js";
import { planLab } from "../../../runner/play/plan.js";
import { LabPlayer } from "../../../runner/play/player.js";
import { replayLog } from "../../../runner/session/replay.js";
import type { LogEntry } from "../../../runner/state/progress-store.js";
import { createBuiltinTarget } from "../../../runner/targets/builtin.js";

const LAB = [
  "---\nfiles:\n  /root/given.txt: from the front matter\n---\n# L\n",
  "## One\n\n```\n$ mkdir -p /root/w\n$ cd /root/w\n$ echo one > a\n```\n",
  "## Two\n\n```file=/root/w/two.txt\nwritten when step two starts\n```\n\n```\n$ echo two >> a\n$ export X=1\n```\n",
  "## Three\n\n```\n$ echo three >> a\n```\n",
].join("\n");

const PROBE = "cat /root/given.txt /root/w/a /root/w/two.txt; ls -la /root/w";

describe("replayLog", () => {
  it("rebuilds the host an uninterrupted session left: files, cwd, variables, step files", async () => {
    const plan = planLab(parseLab(LAB, "lab.md"));
    const original = new LabPlayer(plan, createBuiltinTarget({ seed: 3 }));
    await original.prepare();
    const log: LogEntry[] = [];
    for (let s = 0; s < 2; s++) {
      await original.enterStep(s);
      for (const [i, c] of plan.steps[s].commands.entries()) {
        const skip = s === 1 && i === 1;
        const run = skip ? null : await original.type(c);
        log.push({ step: s, commandIndex: i, command: c.command, exitCode: run?.result.exitCode ?? 0, verdict: run ? run.status : "skipped" });
      }
    }
    await original.type("echo mine > /root/w/own.txt");
    log.push({ step: 1, command: "echo mine > /root/w/own.txt", exitCode: 0, verdict: "not-checked" });
    await original.enterStep(2);

    const target = createBuiltinTarget({ seed: 3 });
    const result = await replayLog(new LabPlayer(plan, target), log, 2);
    expect(result).toEqual({ replayed: 5, diverged: [] });
    expect(target.prompt()).toBe(original.target.prompt());
    expect((await target.probe(PROBE)).stdout).toBe((await original.target.probe(PROBE)).stdout);
    expect((await target.run("echo $X")).stdout).toBe("\n"); // the skipped export was not replayed
  });

  it("writes the files of steps whose commands were all skipped", async () => {
    const plan = planLab(parseLab(LAB, "lab.md"));
    const target = createBuiltinTarget({ seed: 3 });
    await replayLog(new LabPlayer(plan, target), [{ step: 2, commandIndex: 0, command: "echo three >> /root/three", exitCode: 0, verdict: "not-checked" }], 2);
    expect((await target.probe("cat /root/w/two.txt")).stdout).toBe("written when step two starts\n");
  });
});
