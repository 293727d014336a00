// Saved progress is user data: a hand-edited or tampered state file that still passes the schema must not crash the
// run, replay something absurd, or lose the file.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashLabText } from "../../../../runner/session/lab-hash.js";
import { FIXTURES, runLab, savedProgress, scratchState } from "./harness.js";

const STUDENT = path.join(FIXTURES, "student.md");

function plant(state: string, progress: object) {
  const dir = path.join(state, "hostlab", "sessions");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "run-student.json"), JSON.stringify(progress));
}

const base = {
  version: 1,
  lab: { id: "run-student", path: STUDENT, hash: hashLabText(readFileSync(STUDENT, "utf8")) },
  seed: "7", host: "rhel9", target: "builtin", checks: [], startedAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z",
};

describe("hostlab run with a tampered state file", () => {
  it("positions past the end of the lab: treated as finished, not a crash", async () => {
    const state = scratchState();
    plant(state, { ...base, step: 99, commandIndex: 99, log: [{ step: 50, commandIndex: 70, command: "echo far away", exitCode: 0, verdict: "pass" }] });
    const r = await runLab(STUDENT, state, null);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/finished/);
  });

  it("command indexes that do not exist are replayed as plain lines, and the run goes on", async () => {
    const state = scratchState();
    plant(state, { ...base, step: 1, commandIndex: 0, log: [{ step: 0, commandIndex: 42, command: "mkdir -p /root/work", exitCode: 0, verdict: "pass" }] });
    const r = await runLab(STUDENT, state, null);
    expect(r.out).toContain("at step 2 (1 command replayed)");
    expect(r.out).toMatch(/steps passed +\d\/3/);
    expect((await savedProgress(state, "run-student")).step).toBe(3);
  });

  it("a huge own command line and odd characters are run and saved as they are", async () => {
    const state = scratchState();
    const line = `echo '${"x".repeat(100_000)}' > /dev/null; echo "\u0000\u001b[31m ok"`;
    plant(state, { ...base, step: 0, commandIndex: 3, log: [{ step: 0, command: line, exitCode: 0, verdict: "not-checked" }] });
    const r = await runLab(STUDENT, state, null);
    expect(r.code).toBe(1); // the workspace was never made: its check fails, and --yes says so
    expect(r.out).toContain("✗ the workspace exists");
    expect((await savedProgress(state, "run-student")).log[0].command).toBe(line);
  });
});
