import { describe, expect, it } from "vitest";
import { verdictOn } from "./helpers.js";

const DISTINCT_TOPS = `type: process-label
title: the three top containers run with distinct MCS pairs
command-matches: "^top$"
selinux-type: container_t
distinct-mcs: true
count: { min: 3 }`;

const H = "LABEL                           UID        PID  PPID  C STIME TTY          TIME CMD";

describe("process-label check", () => {
  it("passes when every container got its own MCS pair (RHEL 7, procps 3.3.10 layout)", async () => {
    const v = await verdictOn("rhel7-after", DISTINCT_TOPS);
    expect(v.status).toBe("pass");
    expect(v.message).toBe('4 processes matching /^top$/ with 4 distinct MCS pairs');
    expect(v.evidence).toContain("container_t:s0:c105,c712");
  });

  it("fails when two containers share a pair", async () => {
    const ps = [
      H,
      "system_u:system_r:container_t:s0:c17,c840 root 8446 8433  0 20:40 pts/0 00:00:00 sleep 10",
      "system_u:system_r:container_t:s0:c17,c840 root 8541 8528  0 20:40 pts/0 00:00:00 sleep 10",
    ].join("\n");
    const yaml = `{type: process-label, title: t, command: "sleep 10", distinct-mcs: true}`;
    const v = await verdictOn("rhel7-after", yaml, { "ps -efZ": { stdout: ps } });
    expect(v.status).toBe("fail");
    expect(v.message).toBe("processes 8446 and 8541 share the MCS pair c17,c840");
  });

  it("fails on a fresh host: no processes to compare", async () => {
    const v = await verdictOn("rhel7-fresh", DISTINCT_TOPS);
    expect(v.status).toBe("fail");
    expect(v.message).toContain("found 0");
  });

  it("needs two processes before distinctness means anything", async () => {
    const ps = `${H}\nsystem_u:system_r:container_t:s0:c1,c2 root 10 1 0 20:40 pts/0 00:00:00 sleep 10\n`;
    const v = await verdictOn("rhel7-after", `{type: process-label, title: t, command: "sleep 10", distinct-mcs: true}`, { "ps -efZ": { stdout: ps } });
    expect(v.status).toBe("fail");
  });

  it("reports the wrong domain (spc_t of --privileged) and a level mismatch", async () => {
    const ps = `${H}\nunconfined_u:system_r:spc_t:s0 root 10 1 0 20:40 pts/0 00:00:00 top\n`;
    const v = await verdictOn("rhel7-after", DISTINCT_TOPS.replace("{ min: 3 }", "1"), { "ps -efZ": { stdout: ps } });
    expect(v.message).toBe("process 10 runs as spc_t, not container_t");
    const level = await verdictOn("rhel7-after", `{type: process-label, title: t, command: "sleep 10", level: "s0:c17,c840"}`);
    expect(level.status).toBe("fail");
    expect(level.message).toContain("not s0:c17,c840");
  });

  it("compares categories, not spelling: a range equals its list", async () => {
    const ps = `${H}\nsystem_u:system_r:container_t:s0:c1.c2 root 10 1 0 20:40 ? 00:00:00 top\nsystem_u:system_r:container_t:s0:c1,c2 root 11 1 0 20:40 ? 00:00:00 top\n`;
    const v = await verdictOn("rhel7-after", DISTINCT_TOPS.replace("{ min: 3 }", "2"), { "ps -efZ": { stdout: ps } });
    expect(v.status).toBe("fail");
  });

  it("is not applicable on real Debian output without SELinux (getenforce missing, `?` from ls)", async () => {
    const v = await verdictOn("debian12-podman-4.3.1", DISTINCT_TOPS);
    expect(v).toMatchObject({ status: "not-applicable", message: "SELinux is disabled on this host", points: 0 });
  });

  it("is not applicable when ps prints `-` labels even if getenforce said nothing useful", async () => {
    const v = await verdictOn("debian12-podman-4.3.1", DISTINCT_TOPS, {
      "getenforce 2>/dev/null || ls -dZ / 2>/dev/null": { stdout: "", exitCode: 127 },
    });
    expect(v.status).toBe("not-applicable");
    expect(v.message).toBe("SELinux is disabled on this host");
  });

  it("is not applicable when getenforce says Disabled", async () => {
    const v = await verdictOn("rhel7-after", DISTINCT_TOPS, { "getenforce 2>/dev/null || ls -dZ / 2>/dev/null": { stdout: "Disabled\n" } });
    expect(v.status).toBe("not-applicable");
  });
});

describe("process-label by containers", () => {
  const probe = "podman container inspect --format '{{.Name}} {{.ProcessLabel}}' web db";
  const yaml = `{type: process-label, title: t, containers: [web, db], selinux-type: container_t, distinct-mcs: true}`;

  it("reads each container's ProcessLabel", async () => {
    const v = await verdictOn("rhel7-after", yaml, {
      [probe]: { stdout: "web system_u:system_r:container_t:s0:c18,c602\ndb system_u:system_r:container_t:s0:c7,c91\n" },
    });
    expect(v).toMatchObject({ status: "pass", message: "2 containers web, db with 2 distinct MCS pairs" });
  });

  it("fails on a shared pair or a missing container", async () => {
    const shared = await verdictOn("rhel7-after", yaml, {
      [probe]: { stdout: "web system_u:system_r:container_t:s0:c18,c602\ndb system_u:system_r:container_t:s0:c18,c602\n" },
    });
    expect(shared.message).toBe("container web and container db share the MCS pair c18,c602");
    const missing = await verdictOn("rhel7-after", yaml, {
      [probe]: { stdout: "web system_u:system_r:container_t:s0:c18,c602\n", stderr: 'Error: no such container "db"\n', exitCode: 125 },
    });
    expect(missing.message).toBe("found 1 of the 2 containers web, db");
  });

  it("is not applicable when podman reports empty labels (real podman 4.3.1 without SELinux: ProcessLabel=)", async () => {
    const v = await verdictOn("rhel7-after", yaml, {
      "getenforce 2>/dev/null || ls -dZ / 2>/dev/null": { stdout: "", exitCode: 1 },
      [probe]: { stdout: "web \ndb \n" },
    });
    expect(v).toMatchObject({ status: "not-applicable", message: "SELinux is disabled on this host" });
  });
});
