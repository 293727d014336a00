import { afterEach, describe, expect, it } from "vitest";
import { createLocalTarget } from "../../../runner/targets/local.js";
import type { Target } from "../../../runner/targets/target.js";

let target: Target | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

describe("local target", () => {
  it("runs a real command and reports its output and exit code", async () => {
    target = await createLocalTarget();
    const r = await target.run("echo hello; echo oops >&2; exit 3");
    expect(r.stdout).toBe("hello\n");
    expect(r.stderr).toBe("oops\n");
    expect(r.exitCode).toBe(3);
    expect(r.output?.map((c) => c.stream)).toEqual(["stdout", "stderr"]);
  });

  it("keeps the working directory and exported variables between commands, like one shell", async () => {
    target = await createLocalTarget();
    await target.run("mkdir sub && cd sub && export LAB_COLOUR=blue");
    const r = await target.run('basename "$PWD"; echo "$LAB_COLOUR"');
    expect(r.stdout).toBe("sub\nblue\n");
    expect(target.prompt()).toMatch(/ sub\][#$] $/);
  });

  it("passes the command through untouched: quotes and dollars are the command's own", async () => {
    target = await createLocalTarget();
    const r = await target.run(`printf '%s|' "a b" '$HOME' "it's"`);
    expect(r.stdout).toBe("a b|$HOME|it's|");
  });

  it("stops a command at its timeout with timeout(1)'s exit code", async () => {
    target = await createLocalTarget();
    const r = await target.run("sleep 5", { timeoutMs: 200 });
    expect(r.exitCode).toBe(124);
  });

  it("reports a missing command as bash does", async () => {
    target = await createLocalTarget();
    const r = await target.run("no-such-command-hostlab");
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toContain("no-such-command-hostlab: command not found");
  });
});

describe("local target, cancelled", () => {
  it("stops the whole command on Ctrl-C with exit code 130", async () => {
    const t = await createLocalTarget();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const r = await t.run("sleep 5 | cat", { signal: controller.signal });
    expect(r.exitCode).toBe(130);
    expect(Date.now() - started).toBeLessThan(2500);
    await t.close();
  });
});

describe("local target, files and probes", () => {
  it("writes lab files relative to its start directory and probes without touching the session", async () => {
    const t = await createLocalTarget();
    await t.writeFile("labs/x/profile.json", '{"a":1}\n');
    await t.run("cd labs && export IN_SESSION=1");
    const probe = await t.probe('cat labs/x/profile.json; echo "[$IN_SESSION]"; basename "$PWD"');
    expect(probe.stdout).toMatch(/^\{"a":1\}\n\[\]\nhostlab-work-/);
    expect((await t.run("basename $PWD")).stdout).toBe("labs\n");
    await t.close();
  });
});
