// Saved progress mapped onto an edited lab: what is kept, what is dropped, where the student resumes.
import { describe, expect, it } from "vitest";
import { parseLab } from "../../../runner/parse/index.js";
import { planLab } from "../../../runner/play/plan.js";
import { reconcileProgress } from "../../../runner/session/reconcile.js";
import type { Progress } from "../../../runner/state/progress-store.js";

const plan = (md: string) => planLab(parseLab(md, "lab.md"));
const CHECK = "```check\ntype: file\ntitle: marker\npath: /root/m\n```\n";

function progress(log: Progress["log"], step: number, commandIndex: number, checks: Progress["checks"] = []): Progress {
  return {
    version: 1, lab: { id: "l", path: "lab.md", hash: "old" }, seed: "1", host: "rhel9", target: "builtin",
    step, commandIndex, log, checks, startedAt: "t", updatedAt: "t",
  };
}

describe("reconcileProgress", () => {
  it("keeps commands whose text is still in their step, even when they moved, and the student's own", () => {
    const edited = plan("# L\n\n## One\n\n```\n$ echo new\n$ echo a\n$ echo b\n```\n");
    const r = reconcileProgress(
      progress([
        { step: 0, commandIndex: 0, command: "echo a", exitCode: 0, verdict: "pass" },
        { step: 0, command: "ls", exitCode: 0, verdict: "not-checked" },
        { step: 0, commandIndex: 1, command: "echo gone", exitCode: 0, verdict: "pass" },
      ], 0, 2),
      edited,
      "new",
    );
    expect(r.progress.log.map((e) => [e.commandIndex, e.command])).toEqual([[1, "echo a"], [undefined, "ls"]]);
    expect(r.dropped.map((d) => [d.entry.command, d.why])).toEqual([["echo gone", "no longer in step 1"]]);
    expect(r.progress.lab.hash).toBe("new");
    expect(r.progress.commandIndex).toBe(2); // after `echo a`, now the second command
  });

  it("drops steps that are gone and clamps the position to the end", () => {
    const shorter = plan("# L\n\n## One\n\n```\n$ echo a\n```\n");
    const r = reconcileProgress(
      progress([
        { step: 0, commandIndex: 0, command: "echo a", exitCode: 0, verdict: "pass" },
        { step: 1, commandIndex: 0, command: "echo b", exitCode: 0, verdict: "pass" },
      ], 2, 0, [{ step: 1, id: "marker", status: "pass", points: 1, maxPoints: 1 }]),
      shorter,
      "new",
    );
    expect(r.dropped.map((d) => d.why)).toEqual(["step 2 is no longer in the lab"]);
    expect(r.droppedChecks).toBe(1);
    expect(r.progress).toMatchObject({ step: 1, commandIndex: 0 });
  });

  it("keeps check results of checks that still exist, matched by name", () => {
    const p = plan(`# L\n\n## One\n\n\`\`\`\n$ echo a\n\`\`\`\n\n${CHECK}`);
    const r = reconcileProgress(progress([], 1, 0, [
      { step: 0, id: "marker", status: "pass", points: 1, maxPoints: 1 },
      { step: 0, id: "renamed away", status: "pass", points: 1, maxPoints: 1 },
    ]), p, "new");
    expect(r.progress.checks.map((c) => c.id)).toEqual(["marker"]);
    expect(r.droppedChecks).toBe(1);
  });
});
