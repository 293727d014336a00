// `hostlab shell --lab` from the command line, with a script piped in: the transcript, :check, :next, and the
// progress it leaves for `hostlab run`.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleCli, FIXTURES, REPO } from "../../e2e/cli-bundle.js";

const LAB = path.join(FIXTURES, "student.md");
let cli: string;

beforeAll(async () => {
  cli = await bundleCli("run-command-lab-shell");
});

function hostlab(args: string[], state: string, input = "") {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: REPO, input, encoding: "utf8", env: { ...process.env, XDG_STATE_HOME: state, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("hostlab shell --lab (CLI)", () => {
  it("runs a piped script as a transcript, checks and moves on, and hostlab run resumes after it", () => {
    const state = mkdtempSync(path.join(tmpdir(), "hostlab-lab-shell-cli-"));
    const r = hostlab(["shell", "--lab", LAB], state, "mkdir -p /root/work\n:check\ncd /root/work\n:next\necho hello > greeting.txt\n:next\n");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("[root@rhel9 ~]# mkdir -p /root/work\n");
    expect(r.stdout).toContain("✓ the workspace exists");
    expect(r.stdout).toContain("step 3 of 3: Keep a note");
    const resumed = hostlab(["run", LAB, "--yes"], state);
    expect(resumed.stdout).toContain("Resuming A first walk on the host at step 3 (3 commands replayed)");
    expect(resumed.code).toBe(0);
  });

  it("says what is wrong with the lab in one line", () => {
    const r = hostlab(["shell", "--lab", "no-such-lab"], mkdtempSync(path.join(tmpdir(), "hostlab-lab-shell-cli-")));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^hostlab: no lab "no-such-lab"/);
  });
});
