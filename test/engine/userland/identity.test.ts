import { describe, it, expect } from "vitest";
import { seeded, fakeContainer } from "../helpers.js";
import { openSession } from "../../../engine/index.js";

describe("whoami, id, hostname, uname, getenforce", () => {
  it("answer for the host's root login", async () => {
    const { s } = seeded("rhel7");
    expect((await s.run("whoami")).stdout).toBe("root\n");
    expect((await s.run("id")).stdout).toBe("uid=0(root) gid=0(root) groups=0(root) context=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023\n");
    expect((await s.run("id -Z")).stdout).toBe("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023\n");
    expect((await s.run("id -un; id -u")).stdout).toBe("root\n0\n");
    expect((await s.run("getenforce")).stdout).toBe("Enforcing\n");
  });

  it("report the profile's kernel", async () => {
    expect((await seeded("rhel7").s.run("uname -r")).stdout).toBe("3.10.0-1062.el7.x86_64\n");
    expect((await seeded("rhel9").s.run("uname -r")).stdout).toMatch(/^5\.14\.0-.*\.el9.*\.x86_64\n$/);
    expect((await seeded("rhel7").s.run("uname -a")).stdout).toMatch(/^Linux rhel7 3\.10\.0-1062\.el7\.x86_64 #1 SMP .* x86_64 x86_64 x86_64 GNU\/Linux\n$/);
    expect((await seeded("rhel9").s.run("uname")).stdout).toBe("Linux\n");
  });

  it("see the container's uts namespace and label inside it", async () => {
    const { host, s } = seeded("rhel9");
    const c = fakeContainer(host, "abcdef012345" + "9".repeat(52), ["bash"], "c10,c20");
    const inside = openSession(host, { task: c.init });
    expect((await inside.run("hostname")).stdout).toBe("abcdef012345\n");
    expect((await inside.run("id -Z")).stdout).toBe("system_u:system_r:container_t:s0:c10,c20\n");
    await s.run("hostname lab.example.com");
    expect((await s.run("hostname")).stdout).toBe("lab.example.com\n");
    expect((await inside.run("hostname")).stdout).toBe("abcdef012345\n");
  });
});
