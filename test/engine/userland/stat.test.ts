import { describe, it, expect } from "vitest";
import { seeded } from "../helpers.js";

describe("stat", () => {
  it("prints the default layout with the SELinux context", async () => {
    const { s } = seeded("rhel9");
    const out = (await s.run("stat /etc/hosts")).stdout.split("\n");
    expect(out[0]).toBe("  File: /etc/hosts");
    expect(out[1]).toMatch(/^  Size: 158\s+\tBlocks: 8\s+ IO Block: 4096   regular file$/);
    expect(out[3]).toBe("Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)");
    expect(out[4]).toBe("Context: system_u:object_r:net_conf_t:s0");
    expect((await seeded("rhel7").s.run("stat /etc/hosts")).stdout.split("\n")[0]).toBe("  File: '/etc/hosts'");
  });

  it("supports -c formats and errors", async () => {
    const { s } = seeded("rhel9");
    expect((await s.run("stat -c '%n %a %U:%G %F %C' /tmp")).stdout).toBe("/tmp 1777 root:root directory system_u:object_r:tmp_t:s0\n");
    expect((await s.run("stat /nope")).stderr).toBe("stat: cannot stat '/nope': No such file or directory\n");
  });
});
