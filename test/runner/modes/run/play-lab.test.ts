// The run loop driven by a scripted student: every menu action, the check gate, quitting and resuming.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, run, runLab, savedProgress, scratchState } from "./harness.js";

const STUDENT = path.join(FIXTURES, "student.md");

describe("hostlab run, as a student", () => {
  it("runs, types, edits, skips, hints, opens a shell, and passes a check fixed by hand", async () => {
    const state = scratchState();
    const r = await runLab(STUDENT, state, [
      run, // mkdir
      run, // cd
      { choose: "own" }, { input: "ls /root" }, // their own command, then pwd is offered again
      run, // pwd
      { choose: "skip" }, // echo hello > greeting.txt
      { choose: "hint" }, run, // cat greeting.txt: fails, the file was never written
      { choose: "hint" }, // the check's hint
      { choose: "shell" }, { shell: "echo hello > /root/work/greeting.txt" }, { shell: ":back" },
      { choose: "edit" }, { input: "export COLOR=blue   # edited" },
      run, run,
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("A first walk on the host · step 1 of 3");
    expect(r.out).toContain("[root@rhel9 work]# ls /root\n");
    expect(r.out).toContain("[root@rhel9 work]# pwd\n/root/work\n✓ output matches the notes");
    expect(r.out).toContain("💡 hint 1 of 2");
    expect(r.out).toContain("The file goes in /root/work");
    expect(r.out).toContain("✗ the output differs from the notes");
    expect(r.out).toContain("✗ the greeting says hello — /root/work/greeting.txt does not exist");
    expect(r.out).toContain("💡 hint 2 of 2\n\nwrite hello into /root/work/greeting.txt");
    expect(r.out).toContain("✓ the greeting says hello");
    expect(r.out).toMatch(/steps passed +3\/3/);
    expect(r.out).toMatch(/checks passed +3\/3/);
    expect(r.out).toMatch(/points +3\/3/);
    expect(r.asked[0]).toBe("choose: Command 1/3: mkdir -p /root/work");

    const p = await savedProgress(state, "run-student");
    expect(p.step).toBe(3);
    expect(p.finishedAt).toBeDefined();
    expect(p.log.map((e) => [e.step, e.commandIndex, e.command, e.verdict])).toEqual([
      [0, 0, "mkdir -p /root/work", "not-checked"],
      [0, 1, "cd /root/work", "not-checked"],
      [0, undefined, "ls /root", "not-checked"],
      [0, 2, "pwd", "pass"],
      [1, 0, "echo hello > greeting.txt", "skipped"],
      [1, 1, "cat greeting.txt", "fail"],
      [1, undefined, "echo hello > /root/work/greeting.txt", "not-checked"],
      [2, 0, "export COLOR=blue   # edited", "not-checked"],
      [2, 1, "echo $COLOR > note.txt", "not-checked"],
      [2, 2, "cat note.txt", "pass"],
    ]);
    expect(p.checks.map((c) => [c.step, c.status])).toEqual([[0, "pass"], [1, "pass"], [2, "pass"]]);
  });

  it("counts the lab's command typed out by hand as that command", async () => {
    const state = scratchState();
    await runLab(STUDENT, state, [{ choose: "own" }, { input: "mkdir -p /root/work" }, { choose: "quit" }]);
    expect(await savedProgress(state, "run-student")).toMatchObject({ commandIndex: 1, log: [{ commandIndex: 0, command: "mkdir -p /root/work" }] });
  });

  it("records a skipped check as skipped and moves on", async () => {
    const state = scratchState();
    const r = await runLab(STUDENT, state, [run, run, run, { choose: "skip" }, run, { choose: "skip" }, run, run, run]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/checks passed +2\/3 \(1 skipped\)/);
    expect(r.out).toMatch(/steps passed +2\/3/);
    const p = await savedProgress(state, "run-student");
    expect(p.checks.find((c) => c.step === 1)).toMatchObject({ status: "skipped", points: 0 });
  });

  it("quits, then resumes on a replayed host exactly where it stopped", async () => {
    const state = scratchState();
    const first = await runLab(STUDENT, state, [run, run, run, { choose: "quit" }]);
    expect(first.code).toBe(0);
    expect(first.out).toContain("Progress saved");
    expect(await savedProgress(state, "run-student")).toMatchObject({ step: 1, commandIndex: 0 });

    // The second sitting starts in step 2, in /root/work (the replayed `cd`), and stops at Ctrl-C.
    const second = await runLab(STUDENT, state, [run, run, "ctrl-c"]);
    expect(second.code).toBe(130);
    expect(second.out).toContain("Resuming A first walk on the host at step 2 (3 commands replayed)");
    expect(second.out).toContain("[root@rhel9 work]# echo hello > greeting.txt");
    expect(second.out).not.toContain("mkdir");
    expect(second.asked[0]).toBe("choose: Command 1/2: echo hello > greeting.txt");
    expect(await savedProgress(state, "run-student")).toMatchObject({ step: 2, commandIndex: 0 });

    const third = await runLab(STUDENT, state, null);
    expect(third.code).toBe(0);
    expect(third.out).toContain("at step 3 (5 commands replayed)");
    expect(third.out).toMatch(/steps passed +3\/3/);
  });

  it("shows commands done in an earlier sitting without offering them again", async () => {
    const state = scratchState();
    await runLab(STUDENT, state, [run, { choose: "quit" }]);
    const r = await runLab(STUDENT, state, [run, run, { choose: "quit" }]);
    expect(r.out).toContain("$ mkdir -p /root/work   (done)");
    expect(r.asked[0]).toBe("choose: Command 2/3: cd /root/work");
  });

  it("says it is finished when run again, and --restart starts over keeping a backup", async () => {
    const state = scratchState();
    await runLab(STUDENT, state, null);
    const again = await runLab(STUDENT, state, null);
    expect(again.out).toContain("You finished A first walk on the host already");
    const restarted = await runLab(STUDENT, state, [{ choose: "quit" }], { restart: true });
    expect(restarted.out).toMatch(/previous progress is kept in .*run-student\.previous\.json/);
    expect(await savedProgress(state, "run-student")).toMatchObject({ step: 0, commandIndex: 0, log: [] });
  });

  it("warns when a command is meant for another shell than the one the student is in", async () => {
    const dir = scratchState();
    const lab = path.join(dir, "nest.md");
    writeFileSync(lab, "# Nest\n\n## In and out\n\n```console\n$ bash\n$ echo inside\ninside\n$ exit\n```\n");
    const r = await runLab(lab, scratchState(), [{ choose: "skip" }, run, run]);
    expect(r.out).toContain("The notes run this in a nested shell (a container's, say); you are in the host's shell.");
    const ok = await runLab(lab, scratchState(), [run, run, run]);
    expect(ok.out).not.toContain("The notes run this in");
  });
});
