import { describe, it, expect } from "vitest";
import { seeded, fakeContainer } from "../helpers.js";
import { openSession } from "../../../engine/index.js";

describe("chcon, restorecon", () => {
  it("sets a full context or one part, recursively", async () => {
    const { s } = seeded("rhel9");
    await s.run("mkdir -p /srv/web/a && touch /srv/web/a/f");
    await s.run("chcon -R -t httpd_sys_content_t /srv/web");
    expect((await s.run("stat -c %C /srv/web /srv/web/a/f")).stdout).toBe("unconfined_u:object_r:httpd_sys_content_t:s0\nunconfined_u:object_r:httpd_sys_content_t:s0\n");
    await s.run("chcon system_u:object_r:container_file_t:s0:c1,c2 /srv/web/a/f");
    expect((await s.run("ls -Z /srv/web/a/f")).stdout).toBe("system_u:object_r:container_file_t:s0:c1,c2 /srv/web/a/f\n");
    expect((await s.run("chcon -t x_t /nope")).stderr).toBe("chcon: cannot access '/nope': No such file or directory\n");
  });

  it("restorecon puts back the policy default", async () => {
    const { s } = seeded("rhel9");
    await s.run("chcon -t container_file_t /etc/hosts");
    expect((await s.run("restorecon -v /etc/hosts")).stdout).toBe("Relabeled /etc/hosts from system_u:object_r:container_file_t:s0 to system_u:object_r:net_conf_t:s0\n");
  });

  it("cannot relabel inside a context= mount", async () => {
    const { host } = seeded("rhel7");
    const c = fakeContainer(host, "a".repeat(64), ["bash"], "c1,c2");
    const r = await openSession(host, { task: c.init }).run("chcon -t tmp_t /etc/hosts");
    expect(r.stderr).toBe("chcon: failed to change context of '/etc/hosts' to 'system_u:object_r:tmp_t:s0:c1,c2': Operation not supported\n");
  });
});
