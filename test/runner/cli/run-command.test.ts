// `hostlab run` as a user starts it: a real process from the bundled CLI, exit statuses, one-line errors, colour.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleCli, FIXTURES, REPO } from "../../e2e/cli-bundle.js";

const LAB = path.join(FIXTURES, "student.md");
const MANY = path.join(FIXTURES, "many.md");
let cli: string;

beforeAll(async () => {
  cli = await bundleCli("run-command");
});

const state = () => mkdtempSync(path.join(tmpdir(), "hostlab-run-cli-"));

function hostlab(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: REPO, encoding: "utf8", env: { ...process.env, XDG_STATE_HOME: state(), ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("hostlab run (CLI)", () => {
  it("says what to do without a terminal instead of hanging", () => {
    const r = hostlab(["run", LAB]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("hostlab run needs a terminal to ask what to do at each command; use --yes to run every step without asking\n");
  });

  it("runs every step with --yes, in plain text when NO_COLOR is set or --no-color given", () => {
    for (const [args, env] of [[[], { NO_COLOR: "1", FORCE_COLOR: "1" }], [["--no-color"], { FORCE_COLOR: "1" }]] as const) {
      const r = hostlab(["run", LAB, "--yes", ...args], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("[root@rhel9 work]# cat note.txt\nblue\n✓ output matches the notes");
      expect(r.stdout).toMatch(/points +3\/3/);
      expect(r.stdout).not.toMatch(/\x1b\[/);
    }
  });

  it("turns bad input into one line and exit status 2, never a stack trace", () => {
    const cases: Array<[string[], RegExp]> = [
      [["run", "no-such-lab", "--yes"], /^hostlab: no lab "no-such-lab" in \.\/labs\/ /],
      [["run", LAB, "--yes", "--target", "ssh://me@host"], /^hostlab: --target ssh:\/\/me@host: unknown target/],
      [["run", LAB, "--yes", "--host", "rhel5"], /^hostlab: --host rhel5: unknown host profile/],
      [["run", path.join(FIXTURES, "broken-check.md"), "--yes"], /broken-check\.md:11:\d+: unknown check type/],
    ];
    for (const [args, message] of cases) {
      const r = hostlab(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("leaves on Ctrl-C (SIGINT) with status 130, progress saved, and resumes there", async () => {
    const dir = state();
    const child = spawn(process.execPath, [cli, "run", MANY, "--yes"], { cwd: REPO, env: { ...process.env, XDG_STATE_HOME: dir, NO_COLOR: "1" } });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      const first = !out.includes("# echo s0c2");
      out += d.toString();
      if (first && out.includes("# echo s0c2")) child.kill("SIGINT");
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(130);
    expect(out).toContain("Progress saved");
    expect(out).not.toContain("finished");
    const again = hostlab(["run", MANY, "--yes"], { XDG_STATE_HOME: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Resuming Many small commands at step 1 \(\d+ commands? replayed\)/);
    expect(again.stdout).toContain("✓ output matches the notes"); // the trail is whole: nothing lost, nothing twice
    expect(again.stdout).not.toContain("differed from the notes");
  }, 30_000);
});
