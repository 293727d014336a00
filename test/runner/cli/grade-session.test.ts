// `hostlab export` then `hostlab grade --session`, as a student and an instructor run them: the student's saved
// progress (in $XDG_STATE_HOME) becomes a session file; the instructor's grader replays it and scores it.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { progressPath, saveProgress } from "../../../runner/state/progress-store.js";
import { hashLabText } from "../../../runner/session/lab-hash.js";
import { bundleCli, repo, runCli, scratchProject } from "../modes/test/bundled-cli.js";

const LAB_TEXT = readFileSync(path.join(repo, "test/fixtures/grade/session-lab.md"), "utf8");
let bundle = "";
beforeAll(async () => {
  bundle = await bundleCli("grade-session");
}, 60_000);

describe("hostlab export and hostlab grade --session", () => {
  it("exports the saved session and grades it on a fresh built-in host", async () => {
    const project = scratchProject({ "session-lab.md": LAB_TEXT });
    const state = mkdtempSync(path.join(tmpdir(), "hostlab-state-"));
    const env = { XDG_STATE_HOME: state };
    expect(runCli(bundle, project, ["export", "session-lab"], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/no saved session for lab "session-lab"/) });
    await saveProgress(progressPath(path.join(state, "hostlab"), "session-lab"), {
      version: 1, lab: { id: "session-lab", path: "labs/session-lab.md", hash: hashLabText(LAB_TEXT) }, seed: "1234", host: "rhel9", target: "builtin",
      step: 1, commandIndex: 0, log: [{ step: 0, commandIndex: 0, command: "mkdir -p /tmp/lab && echo hello > /tmp/lab/note.txt", exitCode: 0, verdict: "pass" }],
      checks: [], startedAt: "2026-11-30T08:00:00.000Z", updatedAt: "2026-11-30T08:01:00.000Z",
    });
    const exported = runCli(bundle, project, ["export", "session-lab", "--out", "alice.session.json"], env);
    expect(exported).toMatchObject({ code: 0, stdout: "wrote alice.session.json (1 command)\n" });
    expect(existsSync(path.join(project, "alice.session.json"))).toBe(true);

    const graded = runCli(bundle, project, ["grade", "session-lab", "--session", "alice.session.json", "--quiet"]);
    expect(graded.code).toBe(0);
    expect(graded.stdout).toMatch(/^alice\s+session:alice\.session\.json\s+2\/5$/m);
    expect(graded.stdout).toContain("✗ web-running (0/3): ");
  }, 30_000);
});
