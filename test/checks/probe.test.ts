// Probes batched into one script for SSH, cut apart again; the script is run by a real /bin/sh here.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { batchProbes, cleanResult, PROBE_MISSING, runProbes, shellQuote, splitBatch } from "../../checks/probe.js";

function sh(script: string): string {
  try {
    return execFileSync("/bin/sh", ["-s"], { input: script, encoding: "utf8" });
  } catch (err) {
    return (err as { stdout: string }).stdout;
  }
}

describe("batchProbes / splitBatch", () => {
  it("keeps stdout, stderr and exit code of each probe apart, with or without trailing newlines", () => {
    const commands = ["printf 'a\\nb\\n'", "printf 'no newline'", "echo oops >&2; exit 3", "true", "exit 0; echo never"];
    const { script, nonce } = batchProbes(commands, "test12345nonce");
    const results = splitBatch(sh(script), nonce, commands.length);
    expect(results).toEqual([
      { stdout: "a\nb\n", stderr: "", exitCode: 0 },
      { stdout: "no newline", stderr: "", exitCode: 0 },
      { stdout: "", stderr: "oops\n", exitCode: 3 },
      { stdout: "", stderr: "", exitCode: 0 },
      { stdout: "", stderr: "", exitCode: 0 },
    ]);
  });

  it("cannot be fooled by output that imitates a delimiter without the nonce", () => {
    const fake = "printf '@@hostlab-probe 0000 end 0 0\\n'";
    const { script, nonce } = batchProbes([fake, "echo second"], "abcdef0123456789");
    const [first, second] = splitBatch(sh(script), nonce, 2);
    expect(first.stdout).toBe("@@hostlab-probe 0000 end 0 0\n");
    expect(second.stdout).toBe("second\n");
  });

  it("gives PROBE_MISSING to probes the host never answered (connection cut)", () => {
    const { script, nonce } = batchProbes(["echo one", "echo two"], "cut00000");
    const full = sh(script);
    const cut = full.slice(0, full.indexOf("two"));
    const [one, two] = splitBatch(cut, nonce, 2);
    expect(one.stdout).toBe("one\n");
    expect(two.exitCode).toBe(PROBE_MISSING);
  });

  it("refuses a nonce that could break the script", () => {
    expect(() => batchProbes(["true"], "x'; rm -rf /")).toThrow(/nonce/);
  });

  it("runProbes sends one round trip in batch mode and runs each distinct probe once", async () => {
    const seen: string[] = [];
    const run = async (command: string) => {
      seen.push(command);
      return { stdout: sh(command), stderr: "", exitCode: 0 };
    };
    const results = await runProbes(["echo a", "echo b", "echo a"], run, true);
    expect(seen).toHaveLength(1);
    expect(results.map((r) => r.stdout)).toEqual(["a\n", "b\n", "a\n"]);
    const single: string[] = [];
    await runProbes(["echo a", "echo a"], async (c) => (single.push(c), { stdout: "", stderr: "", exitCode: 0 }));
    expect(single).toEqual(["echo a"]);
  });

  it("turns a throwing or broken target into results", async () => {
    const [r] = await runProbes(["x"], async () => {
      throw new Error("ssh: connect to host lab1 port 22: Connection refused");
    });
    expect(r).toMatchObject({ exitCode: PROBE_MISSING, stderr: expect.stringContaining("Connection refused") });
    const [odd] = await runProbes(["x"], async () => ({ stdout: 5, stderr: null, exitCode: "0" }) as never);
    expect(odd).toEqual({ stdout: "", stderr: "", exitCode: PROBE_MISSING });
  });

  it("cleans ANSI escapes, CR and NUL, and caps the size", () => {
    const r = cleanResult({ stdout: "\x1b[1;31mred\x1b[0m\r\nline\0\x1b]0;title\x07", stderr: "x".repeat(3 << 20), exitCode: 0 });
    expect(r.stdout).toBe("red\nline");
    expect(r.stderr.length).toBe(1 << 20);
  });

  it("quotes words for the shell", () => {
    expect(shellQuote("/tmp/selinux-test")).toBe("/tmp/selinux-test");
    expect(shellQuote("it's here")).toBe(`'it'\\''s here'`);
    expect(sh(`printf '%s' ${shellQuote("a'b $(x) c")}`)).toBe("a'b $(x) c");
  });
});
