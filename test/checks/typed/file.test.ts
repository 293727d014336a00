import { describe, expect, it } from "vitest";
import { verdictOn } from "./helpers.js";

describe("file check", () => {
  it("checks kind, mode, owner and content", async () => {
    const yaml = `type: file
title: the seccomp profile is in place
path: /etc/containers/seccomp/chmod.json
kind: file
mode: "0644"
owner: root:root
contains: fchmodat`;
    expect((await verdictOn("rhel9-cgroupv2", yaml)).status).toBe("pass");
    expect((await verdictOn("rhel9-cgroupv2", yaml.replace('"0644"', '"0600"'))).message).toBe(
      "/etc/containers/seccomp/chmod.json has mode 644, not 0600",
    );
    expect((await verdictOn("rhel9-cgroupv2", yaml.replace("fchmodat", "fchownat"))).status).toBe("fail");
    expect((await verdictOn("rhel9-cgroupv2", yaml.replace("kind: file", "kind: directory"))).status).toBe("fail");
  });

  it("matches content lines by a guarded regex", async () => {
    const yaml = `{type: file, title: t, path: /etc/containers/seccomp/chmod.json, matches: '"defaultAction": "SCMP_ACT_(ALLOW|LOG)"'}`;
    const v = await verdictOn("rhel9-cgroupv2", yaml);
    expect(v.status).toBe("pass");
    expect(v.evidence).toBe('  "defaultAction": "SCMP_ACT_ALLOW",');
  });

  it("exists / does not exist", async () => {
    expect((await verdictOn("rhel9-cgroupv2", `{type: file, title: t, path: /srv/missing}`)).message).toBe("/srv/missing does not exist");
    expect((await verdictOn("rhel9-cgroupv2", `{type: file, title: t, path: /srv/missing, exists: false}`)).status).toBe("pass");
    expect((await verdictOn("rhel9-cgroupv2", `{type: file, title: t, path: /srv/web, exists: false}`)).status).toBe("fail");
  });
});

describe("file check never passes on a broken probe", () => {
  it("exists: false needs stat's own No such file", async () => {
    const missingStat = { "stat -c '%F|%a|%U|%G' /srv/missing": { stdout: "", stderr: "sh: stat: command not found\n", exitCode: 127 } };
    expect((await verdictOn("rhel9-cgroupv2", `{type: file, title: t, path: /srv/missing, exists: false}`, missingStat)).status).toBe("error");
  });
});
