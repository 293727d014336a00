// Hostile input to the host's own commands: unknown and malformed options, huge argument lists, odd names.
import { describe, it, expect } from "vitest";
import { seeded } from "../helpers.js";

describe("userland with hostile input", () => {
  it("rejects malformed options the way the real tools do, without throwing", async () => {
    const { s } = seeded("rhel9");
    expect((await s.run("ps -Q")).exitCode).toBe(1);
    expect((await s.run("ps -o ,,,")).exitCode).toBe(0);
    expect((await s.run("ls --bogus")).stderr).toBe("ls: unrecognized option '--bogus'\nTry 'ls --help' for more information.\n");
    expect((await s.run("ls -y")).stderr).toBe("ls: invalid option -- 'y'\nTry 'ls --help' for more information.\n");
    expect((await s.run("chmod u+q /tmp")).stderr).toBe("chmod: invalid mode: 'u+q'\nTry 'chmod --help' for more information.\n");
    expect((await s.run("kill -NOPE 1")).exitCode).toBe(1);
    expect((await s.run("sleep x1")).exitCode).toBe(1);
    expect((await s.run("stat -c")).exitCode).toBe(1);
    expect((await s.run("mount --bind")).exitCode).toBe(1);
    expect((await s.run("unshare --nope")).exitCode).toBe(1);
  });

  it("copes with huge argument lists and pid lists", async () => {
    const { s } = seeded("rhel9");
    const pids = Array.from({ length: 5000 }, (_, i) => i + 1).join(",");
    const r = await s.run(`ps -p ${pids} -o pid= | wc -l`);
    expect(Number(r.stdout.trim())).toBeGreaterThan(10);
    const names = Array.from({ length: 2000 }, (_, i) => `/tmp/f${i}`).join(" ");
    await s.run(`touch ${names}`);
    expect((await s.run("ls /tmp | wc -l")).stdout).toBe("2000\n");
    expect((await s.run(`ls -d ${names} | tail -1`)).stdout).toBe("/tmp/f999\n");
  });

  it("lists names with spaces, quotes and unicode", async () => {
    const { s } = seeded("rhel9");
    await s.run(`touch "/tmp/a b" "/tmp/it's" /tmp/ünï`);
    expect((await s.run("ls -1 /tmp")).stdout).toBe("a b\nit's\nünï\n");
    expect((await s.run(`stat -c %n "/tmp/a b"`)).stdout).toBe("/tmp/a b\n");
  });
});
