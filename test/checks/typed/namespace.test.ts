import { describe, expect, it } from "vitest";
import { verdictOn } from "./helpers.js";

describe("namespace check", () => {
  it("containers of one pod share the net namespace, not the pid one", async () => {
    expect((await verdictOn("rhel9-cgroupv2", `{type: namespace, title: t, namespace: net, between: [pa, pb], shared: true}`)).status).toBe("pass");
    expect((await verdictOn("rhel9-cgroupv2", `{type: namespace, title: t, namespace: pid, between: [pa, pb], shared: false}`)).status).toBe("pass");
    const v = await verdictOn("rhel9-cgroupv2", `{type: namespace, title: t, namespace: pid, between: [pa, pb], shared: true}`);
    expect(v.status).toBe("fail");
    expect(v.evidence).toBe("pa: pid:[4026532458]\npb: pid:[4026532461]");
  });

  it("compares with the host (pid 1)", async () => {
    expect((await verdictOn("rhel9-cgroupv2", `{type: namespace, title: t, namespace: net, between: [host, web, db], shared: false}`)).status).toBe("pass");
    const v = await verdictOn("rhel9-cgroupv2", `{type: namespace, title: t, namespace: net, between: [host, pa, pb], shared: false}`);
    expect(v.message).toBe("some share a net namespace");
  });

  it("fails when a container isn't running (readlink of /proc/0)", async () => {
    const probe = "readlink /proc/$(podman container inspect --format '{{.State.Pid}}' db)/ns/net";
    const v = await verdictOn("rhel9-cgroupv2", `{type: namespace, title: t, namespace: net, between: [web, db], shared: false}`, {
      [probe]: { stdout: "", stderr: "readlink: cannot read link '/proc/0/ns/net': No such file or directory\n", exitCode: 1 },
    });
    expect(v).toMatchObject({ status: "fail", message: "cannot read the net namespace of container db (is it running?)" });
  });
});
