// `hostlab shell --lab` at a real terminal (tmux): commands on the lab's host, :check, :next, a line dropped with
// Ctrl-C, Ctrl-D to leave, and `hostlab run` landing on the step the shell moved to.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleCli, FIXTURES, REPO } from "./cli-bundle.js";
import { hasTmux, TmuxSession } from "./tmux.js";

const LAB = path.join(FIXTURES, "student.md");
const tmux = hasTmux();

describe.skipIf(!tmux)("hostlab shell --lab in a terminal (tmux)", () => {
  let cli: string;
  const term = new TmuxSession("lab-shell");
  const state = mkdtempSync(path.join(tmpdir(), "hostlab-tmux-lab-shell-"));
  const env = { XDG_STATE_HOME: state, NO_COLOR: "1", TERM: "xterm-256color" };

  beforeAll(async () => {
    cli = await bundleCli("lab-shell-tmux");
  });
  afterAll(() => term.kill());

  const type = async (line: string, until: string | RegExp) => {
    term.text(line);
    term.keys("Enter");
    return term.waitFor(until);
  };

  it("checks, moves on, and leaves the student where hostlab run picks up", async () => {
    term.start(`cd '${REPO}' && node '${cli}' shell --lab '${LAB}'`, env);
    await term.waitFor(/step 1 of 3: Make a workspace[\s\S]*\[root@rhel9 ~\]# $/m);
    await type("mkdir -p /root/work", /mkdir -p \/root\/work\n\[root@rhel9 ~\]# $/m);
    await type(":check", "✓ the workspace exists");
    await type(":next", "step 2 of 3: Write a greeting");
    await type(":hint", "💡 hint 1 of 2");
    term.text("rm -rf /");
    term.keys("C-c"); // dropped, as bash drops a line
    await term.waitFor("rm -rf /^C");
    await type("echo hello > /root/work/greeting.txt", /greeting\.txt\n\[root@rhel9 ~\]# $/m);
    await type(":next", "step 3 of 3: Keep a note");
    term.keys("C-d");
    await term.waitFor("EXIT=0");
    term.kill();

    term.start(`cd '${REPO}' && node '${cli}' run '${LAB}'`, env);
    const back = await term.waitFor("Command 1/3: export COLOR=blue");
    expect(back).toMatch(/Resuming A first walk on the host at step 3 \(2 commands replayed\)/);
    term.text("q");
    term.keys("Enter");
    await term.waitFor("EXIT=0");
  }, 60_000);
});
