/** systemd-cgls on the host: the slices with their processes, empty groups hidden, pids aligned. */
import { describe, expect, it } from "vitest";
import { seeded } from "../helpers.js";

describe("systemd-cgls", () => {
  it("draws the tree from the root with the login session and pid 1", async () => {
    const { s } = seeded("rhel9");
    const out = (await s.run("systemd-cgls")).stdout;
    expect(out.startsWith("Control group /:\n-.slice\n├─user.slice\n│ └─user-0.slice\n│   └─session-1.scope\n")).toBe(true);
    // pids right-aligned to the widest of the group
    expect(out).toMatch(/│     ├─ *\d+ sshd: root@pts\/0\n│     ├─\d{4} -bash\n│     └─\d{4} systemd-cgls\n/);
    expect(out).toMatch(/├─init\.scope\n│ └─1 \/usr\/lib\/systemd\/systemd /);
    expect(out).toMatch(/[├└]─system\.slice\n  ├─systemd-journald\.service\n  │ └─\d+ \/usr\/lib\/systemd\/systemd-journald\n/);
  });

  it("starts at a group given by path", async () => {
    const { s } = seeded("rhel9");
    expect((await s.run("systemd-cgls /init.scope")).stdout).toMatch(/^Control group \/init\.scope:\n└─1 \/usr\/lib\/systemd\/systemd .*\n$/);
    expect((await s.run("systemd-cgls /nope.slice")).exitCode).toBe(1);
  });
});
