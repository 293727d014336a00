// The engine never touches the real machine: destructive commands act on the simulated host only.
import { describe, it, expect } from "vitest";
import { mkdtempSync, writeFileSync, statSync, readFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, homedir } from "node:os";
import { join } from "node:path";
import { createHost, openSession } from "../../engine/index.js";

function fingerprint(path: string): string {
  if (!existsSync(path)) return "absent";
  const st = statSync(path);
  return `${st.ino}:${st.size}:${st.mtimeMs}:${st.mode}`;
}

describe("the real file system", () => {
  it("is unchanged by rm -rf /, writes under /etc and reads of the real home", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hostlab-canary-"));
    const canary = join(dir, "canary.txt");
    writeFileSync(canary, "alive\n");
    const watched = ["/etc/hostname", "/etc/hosts", "/etc/passwd", canary, dir, homedir()];
    const before = watched.map(fingerprint);
    const listing = readdirSync(dir);

    const host = createHost({ seed: 1, profile: "rhel7" });
    const s = openSession(host);
    const lines = [
      `cat ${canary}`, `cat ${join(homedir(), ".bashrc")}`, "cat /root/.bashrc",
      "echo pwned > /etc/hostname", "echo pwned >> /etc/hosts", `echo pwned > ${canary}`, `rm -rf ${dir}`,
      `touch ${join(dir, "new")}`, "chmod 000 /etc/passwd", "rm -rf / --no-preserve-root", "rm -rf /", "ls /",
    ];
    const outputs: string[] = [];
    for (const l of lines) outputs.push((await s.run(l)).stdout);

    expect(watched.map(fingerprint)).toEqual(before);
    expect(readFileSync(canary, "utf8")).toBe("alive\n");
    expect(readdirSync(dir)).toEqual(listing);
    // the simulated canary path never existed: cat saw the simulated file system
    expect(outputs[0]).toBe("");
    // /root/.bashrc is the simulated RHEL one
    expect(outputs[2]).toContain("alias rm='rm -i'");
    rmSync(dir, { recursive: true, force: true });
  });
});
