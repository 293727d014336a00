// What happens around the run loop: no terminal, bad options, a corrupt or stale state file, an edited lab.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LabInputError } from "../../../../runner/labs/errors.js";
import { readRunFlags } from "../../../../runner/modes/run/run-options.js";
import { startRun } from "../../../../runner/modes/run/start-run.js";
import { FIXTURES, run, runLab, savedProgress, scratchState } from "./harness.js";

const STUDENT = path.join(FIXTURES, "student.md");

describe("hostlab run, around the loop", () => {
  it("says what to do instead of hanging when there is no terminal and no --yes", async () => {
    const state = scratchState();
    let err = "";
    const code = await startRun(STUDENT, readRunFlags({}), {
      out: () => {}, err: (t) => void (err += t), interactive: false, env: { XDG_STATE_HOME: state },
      prompter: () => { throw new Error("must not ask"); }, signal: new AbortController().signal,
    });
    expect(code).toBe(2);
    expect(err).toBe("hostlab run needs a terminal to ask what to do at each command; use --yes to run every step without asking\n");
  });

  it("rejects unknown options values in one sentence", () => {
    expect(() => readRunFlags({ target: "ssh://me@host" })).toThrow(/--target ssh:\/\/me@host: unknown target \(ssh targets come later\)/);
    expect(() => readRunFlags({ host: "rhel8" })).toThrow(/--host rhel8: unknown host profile; choose one of rhel7, rhel9/);
    expect(() => readRunFlags({ seed: "two words" })).toThrow(LabInputError);
    expect(readRunFlags({}, { NO_COLOR: "1" }).color).toBe(false);
    expect(readRunFlags({ color: false }, {}).color).toBe(false);
    expect(readRunFlags({}, {}).color).toBe(true);
  });

  it("refuses to play a lab whose checks do not parse, pointing at the line", async () => {
    const r = await runLab(path.join(FIXTURES, "broken-check.md"), scratchState(), null);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken-check\.md:11:\d+: unknown check type "nonsense"/);
  });

  it("moves a corrupt state file aside, says where, and starts fresh", async () => {
    const state = scratchState();
    const sessions = path.join(state, "hostlab", "sessions");
    mkdirSync(sessions, { recursive: true });
    writeFileSync(path.join(sessions, "run-student.json"), '{"version": 1, "lab": ');
    const r = await runLab(STUDENT, state, [{ choose: "quit" }]);
    expect(r.out).toMatch(/Your saved progress could not be read \(not JSON .*\); it was kept as .*run-student\.corrupt-.*\.json\. Starting fresh\./);
    expect(readdirSync(sessions).sort()).toEqual([expect.stringMatching(/^run-student\.corrupt-.*\.json$/), "run-student.json"]);
  });

  it("keeps the saved seed: a different --seed asks for --restart", async () => {
    const state = scratchState();
    await runLab(STUDENT, state, [{ choose: "quit" }], { seed: "5" });
    await expect(runLab(STUDENT, state, [], { seed: "6" })).rejects.toThrow(/--seed 6 differs from your saved session of run-student \(5\); leave it out to resume, or add --restart/);
    expect((await savedProgress(state, "run-student")).seed).toBe("5");
  });

  it("replays what still applies in an edited lab and names what was dropped", async () => {
    const state = scratchState();
    const dir = scratchState();
    const lab = path.join(dir, "student.md");
    copyFileSync(STUDENT, lab);
    await runLab(lab, state, [run, run, run, run, { choose: "quit" }]);
    // The author rewrites the greeting command after the student ran it.
    writeFileSync(lab, readFileSync(lab, "utf8").replace("$ echo hello > greeting.txt", "$ echo hello there > greeting.txt"));
    const r = await runLab(lab, state, [{ choose: "quit" }]);
    expect(r.out).toContain("The lab changed since your last sitting. Left out of the replay:");
    expect(r.out).toContain("step 2: `echo hello > greeting.txt` — no longer in step 2");
    expect(r.out).toContain("at step 2 (3 commands replayed)");
    expect(r.asked[0]).toBe("choose: Command 1/2: echo hello there > greeting.txt");
    const p = await savedProgress(state, "run-student");
    expect(p.log).toHaveLength(3);
    expect(p.commandIndex).toBe(0);
  });

  it("asks before running anything on this machine with --target local, and runs there with --yes", async () => {
    const dir = scratchState();
    const lab = path.join(dir, "local.md");
    writeFileSync(lab, "# Local\n\n## Only\n\n```console\n$ echo from-the-real-shell\nfrom-the-real-shell\n```\n");
    const declined = await runLab(lab, scratchState(), [{ confirm: false }], { target: "local" });
    expect(declined.code).toBe(0);
    expect(declined.out).toContain("Nothing was run.");
    expect(declined.asked).toEqual(["confirm: Run this lab's commands on THIS machine, for real (not the built-in host)?"]);
    const state = scratchState();
    const yes = await runLab(lab, state, null, { target: "local" });
    expect(yes.out).toContain("1 step, on this machine");
    expect(yes.out).toMatch(/# echo from-the-real-shell\nfrom-the-real-shell\n✓ output matches the notes/);
    expect((await savedProgress(state, "local")).target).toBe("local");
    // Continuing a local session needs the flag again; the saved target does not grant it.
    await expect(runLab(lab, state, null, { restart: false })).rejects.toThrow(/runs on this machine; add --target local to continue it/);
  });
});
