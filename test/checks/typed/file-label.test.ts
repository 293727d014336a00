import { describe, expect, it } from "vitest";
import { oneCheck, verdictOn } from "./helpers.js";

const RELABELLED = `type: file-label
title: /tmp/selinux-test carries the MCS pair of the last container
path: /tmp/selinux-test
selinux-type: container_file_t
same-mcs-as: { container: last }`;

const LAST = `podman container inspect --format '{{.MountLabel}}' "$(podman ps -a -l -q)"`;

describe("file-label check", () => {
  it("passes when :Z relabelled the directory to the last container's pair (RHEL 7 ls -Z layout)", async () => {
    const v = await verdictOn("rhel7-after", RELABELLED);
    expect(v.status).toBe("pass");
    expect(v.message).toBe("/tmp/selinux-test is labelled container_file_t:s0:c412,c877, the pair of the last container");
  });

  it("fails on the fresh directory (user_tmp_t, no pair)", async () => {
    const v = await verdictOn("rhel7-fresh", RELABELLED);
    expect(v.status).toBe("fail");
    expect(v.message).toBe("/tmp/selinux-test has type user_tmp_t, not container_file_t");
  });

  it("fails when the directory carries an earlier container's pair", async () => {
    const v = await verdictOn("rhel7-after", RELABELLED, { [LAST]: { stdout: "system_u:object_r:container_file_t:s0:c301,c779\n" } });
    expect(v.status).toBe("fail");
    expect(v.message).toBe("/tmp/selinux-test carries c412,c877, but the last container has c301,c779");
  });

  it("fails when :z (shared, level s0) was used instead of :Z", async () => {
    const v = await verdictOn("rhel7-after", RELABELLED, {
      "ls -dZ /tmp/selinux-test": { stdout: "drwxr-xr-x. root root system_u:object_r:container_file_t:s0 /tmp/selinux-test\n" },
    });
    expect(v.status).toBe("fail");
    expect(v.message).toContain("carries no MCS pair");
  });

  it("reads the modern layout and exact levels (RHEL 9)", async () => {
    expect((await verdictOn("rhel9-cgroupv2", `{type: file-label, title: t, path: /srv/web, level: "s0:c18,c602"}`)).status).toBe("pass");
    const shared = await verdictOn("rhel9-cgroupv2", `{type: file-label, title: t, path: /srv/shared, level: "s0:c18,c602"}`);
    expect(shared.message).toBe("/srv/shared has level s0, not s0:c18,c602");
  });

  it("fails for a missing path", async () => {
    const v = await verdictOn("rhel7-fresh", RELABELLED, {
      "ls -dZ /tmp/selinux-test": { stdout: "", stderr: "ls: cannot access /tmp/selinux-test: No such file or directory\n", exitCode: 2 },
    });
    expect(v.status).toBe("fail");
    expect(v.message).toContain("does not exist");
  });

  it("is not applicable on the real Debian host (ls prints ?)", async () => {
    const v = await verdictOn("debian12-podman-4.3.1", RELABELLED);
    expect(v).toMatchObject({ status: "not-applicable", message: "SELinux is disabled on this host" });
  });
});

describe("file-label mcs: private | shared", () => {
  it("private wants a category pair (:Z), shared plain s0 (:z)", async () => {
    const priv = `{type: file-label, title: t, path: /srv/web, selinux-type: container_file_t, mcs: private}`;
    expect((await verdictOn("rhel9-cgroupv2", priv)).status).toBe("pass");
    expect((await verdictOn("rhel9-cgroupv2", priv.replace("/srv/web", "/srv/shared"))).message).toBe(
      "/srv/shared has no MCS pair (level s0): not private to one container",
    );
    const shared = `{type: file-label, title: t, path: /srv/shared, mcs: shared}`;
    expect((await verdictOn("rhel9-cgroupv2", shared)).status).toBe("pass");
    expect((await verdictOn("rhel9-cgroupv2", shared.replace("/srv/shared", "/srv/web"))).status).toBe("fail");
  });
});

describe("file-label same-mcs-as: { process }", () => {
  const H = "LABEL                           UID        PID  PPID  C STIME TTY          TIME CMD";
  const yaml = `{type: file-label, title: t, path: /tmp/selinux-test, same-mcs-as: {process: "sleep 3600"}}`;
  const ps = (pair: string) => ({ "ps -efZ": { stdout: `${H}\nsystem_u:system_r:container_t:s0:${pair} root 9001 9000  0 20:50 pts/0 00:00:00 sleep 3600\n` } });

  it("compares with the pair of the named processes", async () => {
    expect((await verdictOn("rhel7-after", yaml, ps("c412,c877"))).status).toBe("pass");
    const other = await verdictOn("rhel7-after", yaml, ps("c1,c2"));
    expect(other.message).toBe('/tmp/selinux-test carries c412,c877, but the processes "sleep 3600" run with c1,c2');
    expect((await verdictOn("rhel7-after", yaml)).message).toBe('no process "sleep 3600" is running');
  });

  it("needs exactly one of container and process", () => {
    expect(() => oneCheck(`{type: file-label, title: t, path: /x, same-mcs-as: {container: a, process: b}}`)).toThrow(
      /same-mcs-as names one container or one process command/,
    );
  });
});
