import { describe, it, expect } from "vitest";
import { seeded, fakeContainer } from "../helpers.js";
import { parseSeccompProfile, type SeccompFilter } from "../../../engine/kernel/seccomp.js";
import { runArgv, openSession } from "../../../engine/index.js";

// labs/lab3-step5/chmod.json from the seed notes
const LAB_PROFILE = `{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"name":"fchmodat","action":"SCMP_ACT_ERRNO"}]}`;

function labFilter(): SeccompFilter {
  const f = parseSeccompProfile(LAB_PROFILE, "./labs/lab3-step5/chmod.json");
  if ("error" in f) throw new Error(f.error);
  return f;
}

describe("chmod", () => {
  it("changes modes, octal and symbolic", async () => {
    const { s } = seeded("rhel7");
    await s.run("touch /tmp/f && chmod 600 /tmp/f");
    expect((await s.run("stat -c %a /tmp/f")).stdout).toBe("600\n");
    await s.run("chmod u+x,go+r /tmp/f");
    expect((await s.run("stat -c '%A' /tmp/f")).stdout).toBe("-rwxr--r--\n");
    const r = await s.run("chmod 777 /nope");
    expect(r.stderr).toBe("chmod: cannot access '/nope': No such file or directory\n");
    expect(r.exitCode).toBe(1);
  });

  it("is stopped by a seccomp profile denying fchmodat (seed notes' exact message, exit 1)", async () => {
    const { host } = seeded("rhel7");
    const c = fakeContainer(host, "f".repeat(64), ["chmod", "777", "/etc/hosts"], "c7,c8");
    c.init.seccomp = labFilter();
    const r = await runArgv(host, c.init, c.init.argv);
    expect(r.stderr).toBe("chmod: changing permissions of '/etc/hosts': Operation not permitted\n");
    expect(r.exitCode).toBe(1);
    // the file is unchanged
    const inside = openSession(host, { task: { ...c.init, seccomp: undefined } });
    expect((await inside.run("stat -c %a /etc/hosts")).stdout).toBe("644\n");
  });

  it("also stops the shell library's own file operations routed through the gate", async () => {
    const { host } = seeded("rhel9");
    const c = fakeContainer(host, "9".repeat(64), ["bash"], "c9,c10");
    c.init.seccomp = labFilter();
    expect(() => openSession(host, { task: c.init }).shell.fs.chmodSync("/etc/hosts", 0o777)).toThrow(/EPERM/);
  });

  it("succeeds without a filter inside the container and copies the file up", async () => {
    const { host } = seeded("rhel7");
    const c = fakeContainer(host, "8".repeat(64), ["chmod", "777", "/etc/hosts"], "c11,c12");
    const r = await runArgv(host, c.init, c.init.argv);
    expect(r.exitCode).toBe(0);
    const s = openSession(host);
    expect((await s.run(`stat -c %a ${c.merged}/etc/hosts`)).stdout).toBe("777\n");
    expect((await s.run("stat -c %a /var/lib/containers/storage/overlay/aaaa/diff/etc/hosts")).stdout).toBe("644\n");
  });
});
