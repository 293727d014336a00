/** cat with coreutils' own error messages, in order with the files it could read. */
import { describe, expect, it } from "vitest";
import { seeded } from "../helpers.js";

describe("cat", () => {
  it("prints what it can and names each failure", async () => {
    const { s } = seeded("rhel9");
    await s.run("echo one > /tmp/a");
    const r = await s.run("cat /tmp/a /nope /etc /tmp/a");
    expect(r.stdout).toBe("one\none\n");
    expect(r.stderr).toBe("cat: /nope: No such file or directory\ncat: /etc: Is a directory\n");
    expect(r.exitCode).toBe(1);
    expect((await s.run("echo hi | cat - /tmp/a")).stdout).toBe("hi\none\n");
    expect((await s.run("cat -n /tmp/a")).stdout).toBe("     1\tone\n");
  });
});
