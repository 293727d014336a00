// Self-test: a check must fail before its step and pass after; otherwise the lab has an error.
import { describe, expect, it } from "vitest";
import { selfTestCheck } from "../../checks/self-test.js";
import { fixtureHost } from "./typed/fixture-host.js";
import { oneCheck } from "./typed/helpers.js";

const hosts = { before: fixtureHost("rhel7-fresh"), after: fixtureHost("rhel7-after") };

describe("selfTestCheck", () => {
  it("accepts a check that fails before its step and passes after", async () => {
    const check = oneCheck(`{type: process-label, id: sleep-mcs, title: t, command: "sleep 10", distinct-mcs: true}`);
    const r = await selfTestCheck(check, hosts);
    expect(r).toMatchObject({ ok: true, problems: [] });
    expect([r.before.status, r.after.status]).toEqual(["fail", "pass"]);
  });

  it("reports a check that passes before its step: it cannot fail", async () => {
    const check = oneCheck(`{type: process, title: the shell runs, command: -bash}`);
    const r = await selfTestCheck(check, hosts);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(["check 'the shell runs' passes before its step runs: it cannot fail (1 processes \"-bash\" running)"]);
  });

  it("reports a check that fails after its step: it can never pass", async () => {
    const check = oneCheck(`{type: container, id: web-up, title: t, name: web, state: running}`);
    const r = await selfTestCheck(check, {
      before: async () => ({ stdout: "[]", stderr: "Error: no such object", exitCode: 125 }),
      after: async (c) => (c === "podman --version" ? { stdout: "podman version 4.3.1\n", stderr: "", exitCode: 0 } : { stdout: "[]", stderr: "Error: no such object", exitCode: 125 }),
    });
    expect(r.problems).toEqual(["check 'web-up' fails after its step runs: container web does not exist"]);
  });

  it("reports a check the test host can't judge", async () => {
    const check = oneCheck(`{type: file-label, id: lbl, title: t, path: /tmp/selinux-test, selinux-type: container_file_t}`);
    const r = await selfTestCheck(check, { before: fixtureHost("rhel7-fresh"), after: fixtureHost("debian12-podman-4.3.1") });
    expect(r.problems).toEqual(["check 'lbl' is not applicable on the test host: SELinux is disabled on this host"]);
  });
});
