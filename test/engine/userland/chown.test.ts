/** chown: names from the task's own passwd/group, -R, coreutils' errors. */
import { describe, expect, it } from "vitest";
import { seeded } from "../helpers.js";

describe("chown", () => {
  it("changes owner and group by name or number", async () => {
    const { s } = seeded("rhel9");
    await s.run("mkdir -p /tmp/d/e && touch /tmp/d/e/f");
    expect((await s.run("chown -R nobody:nobody /tmp/d")).exitCode).toBe(0);
    expect((await s.run("stat -c '%U:%G' /tmp/d/e/f")).stdout).toBe("nobody:nobody\n");
    expect((await s.run("chown 0 /tmp/d && stat -c %u /tmp/d")).stdout).toBe("0\n");
    expect((await s.run("chown nosuchuser /tmp/d")).stderr).toBe("chown: invalid user: 'nosuchuser'\n");
    expect((await s.run("chown root /nope")).stderr).toBe("chown: cannot access '/nope': No such file or directory\n");
    expect((await s.run("chown root")).stderr).toBe("chown: missing operand after 'root'\nTry 'chown --help' for more information.\n");
  });
});
