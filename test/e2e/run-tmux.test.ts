// A student at a real terminal (tmux): runs the first steps, types a command by hand, fails a check on purpose,
// fixes it in the shell, leaves with Ctrl-C, starts again and lands where they stopped.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleCli, FIXTURES, REPO } from "./cli-bundle.js";
import { hasTmux, TmuxSession } from "./tmux.js";

const LAB = path.join(FIXTURES, "student.md");
const tmux = hasTmux();
if (!tmux) console.warn("run-tmux.test.ts skipped: tmux is not installed (apt-get install tmux, or node scripts/ci-deps.mjs)");

describe.skipIf(!tmux)("hostlab run in a terminal (tmux)", () => {
  let cli: string;
  const term = new TmuxSession("student");
  const state = mkdtempSync(path.join(tmpdir(), "hostlab-tmux-"));

  beforeAll(async () => {
    cli = await bundleCli("run-tmux");
  });
  afterAll(() => term.kill());

  const start = () => term.start(`cd '${REPO}' && node '${cli}' run '${LAB}'`, { XDG_STATE_HOME: state, NO_COLOR: "1", TERM: "xterm-256color" });
  // A menu is answered with the first letter of its choice, then Enter, as a student would.
  const choose = (letter: string) => {
    term.text(letter);
    term.keys("Enter");
  };

  it("walks, fixes a failed check in the shell, leaves with Ctrl-C and resumes there", async () => {
    start();
    await term.waitFor("Command 1/3: mkdir -p /root/work");
    term.keys("Enter");
    await term.waitFor("Command 2/3: cd /root/work");
    term.keys("Enter");
    await term.waitFor("Command 3/3: pwd");

    // One command typed by hand, in the same session.
    choose("t");
    await term.waitFor("Your command:");
    term.text("echo typed-by-hand > /root/work/by-hand.txt; cat /root/work/by-hand.txt");
    term.keys("Enter");
    await term.waitFor(/^typed-by-hand$/m);
    term.keys("Enter"); // pwd, offered again after the student's own command
    await term.waitFor("✓ the workspace exists");

    // Skip writing the greeting: the step's check fails on purpose.
    await term.waitFor("Command 1/2: echo hello > greeting.txt");
    choose("s");
    await term.waitFor("Command 2/2: cat greeting.txt");
    term.keys("Enter");
    await term.waitFor("✗ the greeting says hello");
    await term.waitFor("A check failed. What now?");

    // Fix it by hand in the shell, go back, and the re-check passes.
    choose("o");
    await term.waitFor(/\[root@rhel9 work\]# $/m);
    term.text("echo hello > greeting.txt");
    term.keys("Enter");
    await term.waitFor(/greeting\.txt\n\[root@rhel9 work\]# $/m);
    term.keys("Enter"); // an empty line goes back
    await term.waitFor("✓ the greeting says hello");
    await term.waitFor("Command 1/3: export COLOR=blue");

    term.keys("C-c");
    const left = await term.waitFor("EXIT=130");
    expect(left).toContain("Progress saved");
    term.kill();

    // Start again: the host is rebuilt and the student is back at step 3's first command.
    start();
    const back = await term.waitFor("Command 1/3: export COLOR=blue");
    expect(back).toMatch(/Resuming A first walk on the host at step 3 \(\d+ commands replayed\)/);
    term.keys("Enter");
    await term.waitFor("Command 2/3: echo $COLOR > note.txt");
    term.keys("Enter");
    await term.waitFor("Command 3/3: cat note.txt");
    term.keys("Enter");
    const done = await term.waitFor("EXIT=0");
    expect(done).toMatch(/steps passed +3\/3/);
    expect(done).toMatch(/checks passed +3\/3/);
  }, 60_000);

  it("container-hosts, as the issue's acceptance asks: skip the docker container, fix the check by hand, resume at step 2", async () => {
    const course = new TmuxSession("course");
    const courseState = mkdtempSync(path.join(tmpdir(), "hostlab-tmux-course-"));
    const startCourse = () => course.start(`cd '${REPO}' && node '${cli}' run container-hosts`, { XDG_STATE_HOME: courseState, NO_COLOR: "1", TERM: "xterm-256color" });
    const pick = (letter: string) => {
      course.text(letter);
      course.keys("Enter");
    };
    try {
      startCourse();
      await course.waitFor("Command 1/6: podman run -dt registry.access.redhat.com/ubi9/ubi top", 15_000);
      course.keys("Enter");
      await course.waitFor("Command 2/6:");
      course.keys("Enter");
      await course.waitFor("Command 3/6: docker run");
      pick("s"); // only two containers: the step's check will fail
      await course.waitFor("Command 4/6:");
      pick("t"); // a command of the student's own
      await course.waitFor("Your command:");
      course.text("podman ps -q | wc -l");
      course.keys("Enter");
      await course.waitFor(/wc -l\n2\n/);
      for (const n of [4, 5, 6]) {
        await course.waitFor(`Command ${n}/6:`);
        course.keys("Enter");
      }
      await course.waitFor("✗ the three top containers run as container_t");
      await course.waitFor("A check failed. What now?");
      pick("o");
      await course.waitFor(/\[root@rhel9 ~\]# $/m);
      course.text("docker run -dt registry.access.redhat.com/ubi9/ubi top");
      course.keys("Enter");
      await course.waitFor(/^[0-9a-f]{64}$/m);
      course.text(":back");
      course.keys("Enter");
      await course.waitFor("✓ the three top containers run as container_t");
      await course.waitFor("Container Hosts · step 2 of 6");
      await course.waitFor("Command 1/");
      course.keys("C-c");
      await course.waitFor("EXIT=130");
      course.kill();

      startCourse();
      const back = await course.waitFor(/Resuming Container Hosts at step 2 \(\d+ commands replayed\)[\s\S]*Command 1\//, 15_000);
      expect(back).toContain("Container Hosts · step 2 of 6");
      pick("q");
      await course.waitFor("EXIT=0");
    } finally {
      course.kill();
    }
  }, 60_000);
});
