// `hostlab shell --lab`: the lab's host with :check / :next, sharing its progress with `hostlab run`.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { LineReader } from "../../../../runner/modes/lab-shell/line-reader.js";
import { startLabShell } from "../../../../runner/modes/lab-shell/start-lab-shell.js";
import { FIXTURES, run, runLab, savedProgress, scratchState } from "../run/harness.js";

const STUDENT = path.join(FIXTURES, "student.md");

/** Lines typed at the lab shell, echoed after their prompt as a terminal shows them. */
function scripted(lines: string[], out: (t: string) => void): LineReader {
  const queue = [...lines];
  return {
    async read(prompt) {
      const line = queue.shift() ?? null;
      if (line !== null) out(prompt + line + "\n");
      return line;
    },
    onInterrupt() {},
    close() {},
  };
}

async function labShell(state: string, lines: string[]) {
  let out = "";
  const write = (t: string) => void (out += t);
  const code = await startLabShell(STUDENT, {}, { out: write, err: write, env: { XDG_STATE_HOME: state, NO_COLOR: "1" }, reader: () => scripted(lines, write) });
  return { code, out };
}

describe("hostlab shell --lab", () => {
  it("counts the step's commands, checks with :check, moves on with :next, and hostlab run resumes after it", async () => {
    const state = scratchState();
    const r = await labShell(state, [
      "mkdir -p /root/work", ":check", "cd /root/work", "pwd", ":next",
      ":next", ":hint", "echo hello > greeting.txt", ":next", ":bogus", ":help", ":quit",
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("A first walk on the host · step 1 of 3: Make a workspace.");
    expect(r.out).toContain("✓ the workspace exists");
    expect(r.out).toContain("[root@rhel9 work]# pwd\n/root/work\n");
    expect(r.out).toContain("step 2 of 3: Write a greeting");
    expect(r.out).toContain("✗ the greeting says hello");
    expect(r.out).toContain("Not yet: fix what the checks say, or :skip to go on anyway.");
    expect(r.out).toContain("💡 hint 1 of 2");
    expect(r.out).toContain(":bogus: not a lab shell command; :help lists them");
    expect(r.out).toContain(":check   run this step's checks");

    const p = await savedProgress(state, "run-student");
    expect(p).toMatchObject({ step: 2, commandIndex: 0 });
    expect(p.log.map((e) => [e.step, e.commandIndex, e.command])).toEqual([
      [0, 0, "mkdir -p /root/work"],
      [0, 1, "cd /root/work"],
      [0, 2, "pwd"], // the step's next command, typed by hand: counted as the lab's
      [1, 0, "echo hello > greeting.txt"],
    ]);

    const resumed = await runLab(STUDENT, state, [run, run, run]);
    expect(resumed.out).toContain("Resuming A first walk on the host at step 3 (4 commands replayed)");
    expect(resumed.out).toMatch(/steps passed +3\/3/);
  });

  it("opens on the replayed host of a session started in hostlab run, and :skip records the skip", async () => {
    const state = scratchState();
    await runLab(STUDENT, state, [run, run, run, { choose: "quit" }]);
    const r = await labShell(state, ["pwd", ":skip", ":quit"]);
    expect(r.out).toContain("3 commands replayed: this is the host as you left it.");
    expect(r.out).toContain("[root@rhel9 work]# pwd\n/root/work\n");
    const p = await savedProgress(state, "run-student");
    expect(p.step).toBe(2);
    expect(p.checks.find((c) => c.step === 1)).toMatchObject({ status: "skipped" });
  });
});
