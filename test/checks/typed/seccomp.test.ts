import { describe, expect, it } from "vitest";
import { oneCheck, verdictOn } from "./helpers.js";
import { checkProbes } from "../../../checks/check.js";

const DENIED = `type: seccomp
title: chmod was denied by the seccomp profile
command: chmod 777 /etc/hosts`;

const INSPECT = "podman container inspect $(podman ps -a -q --no-trunc)";
const LOGS = 'for c in $(podman ps -a -q --no-trunc); do podman logs "$c" 2>&1 | tail -n 20 | sed "s/^/$c /"; done';

describe("seccomp check (observed: the student's own container)", () => {
  it("passes when the chmod container exited 1 with Operation not permitted", async () => {
    const v = await verdictOn("rhel7-after", DENIED);
    expect(v.status).toBe("pass");
    expect(v.evidence).toBe("chmod: changing permissions of '/etc/hosts': Operation not permitted\nexit 1");
  });

  it("fails on a fresh host", async () => {
    const v = await verdictOn("rhel7-fresh", DENIED);
    expect(v).toMatchObject({ status: "fail", message: "no container ran `chmod 777 /etc/hosts`" });
  });

  it("fails when chmod ran without the profile (exit 0, nothing logged)", async () => {
    const id = "07c0e3f6b9d2a5c8f1e4b7d0a3c6f9e2b5d8a1c4f7e0b3d6a9c2f5e8b1d4a7c0";
    const v = await verdictOn("rhel7-after", DENIED, {
      [INSPECT]: { stdout: JSON.stringify([{ Id: id, Name: "x", Config: { Cmd: ["chmod", "777", "/etc/hosts"] }, State: { Status: "exited", ExitCode: 0 } }]) },
      [LOGS]: { stdout: "" },
    });
    expect(v.status).toBe("fail");
    expect(v.message).toBe('`chmod 777 /etc/hosts` ran in 1 container(s) but was never denied with "Operation not permitted"');
  });

  it("does not take EACCES (an SELinux denial) for a seccomp EPERM", async () => {
    const id = "07c0e3f6b9d2a5c8f1e4b7d0a3c6f9e2b5d8a1c4f7e0b3d6a9c2f5e8b1d4a7c0";
    const v = await verdictOn("rhel7-after", DENIED, {
      [LOGS]: { stdout: `${id} chmod: changing permissions of '/etc/hosts': Permission denied\n` },
    });
    expect(v.status).toBe("fail");
  });

  it("can't be fooled by another container printing the chmod container's id and the message", async () => {
    const id = "07c0e3f6b9d2a5c8f1e4b7d0a3c6f9e2b5d8a1c4f7e0b3d6a9c2f5e8b1d4a7c0";
    const forger = "a1c4e7f0b3d6a9c2e5f8b1d4a7c0e3f6b9d2a5c8e1f4b7d0a3c6e9f2b5d8a1c4";
    const v = await verdictOn("rhel7-after", DENIED, {
      [LOGS]: {
        stdout: `${forger} ${id} chmod: changing permissions of '/etc/hosts': Operation not permitted\n${id} chmod: cannot access '/etc/hostz': No such file or directory\n`,
      },
    });
    expect(v.status).toBe("fail");
  });

  it("probes only read in observed mode; probe: run is the documented exception", () => {
    expect(checkProbes(oneCheck(DENIED))).toEqual(["podman --version", INSPECT, LOGS]);
    const run = oneCheck(`${DENIED}\nprobe: run\nprofile: /root/chmod.json\nimage: registry.access.redhat.com/ubi7/ubi`);
    expect(checkProbes(run)[1]).toBe(
      "podman run --rm --network none --security-opt seccomp=/root/chmod.json registry.access.redhat.com/ubi7/ubi chmod 777 /etc/hosts 2>&1",
    );
  });

  it("judges a run-mode probe from the real podman 4.3.1 output", async () => {
    const yaml = `${DENIED}\nprobe: run\nprofile: ./labs/lab3-step5/chmod.json\nimage: registry.access.redhat.com/ubi7/ubi`;
    const cmd = "podman run --rm --network none --security-opt seccomp=./labs/lab3-step5/chmod.json registry.access.redhat.com/ubi7/ubi chmod 777 /etc/hosts 2>&1";
    const denied = await verdictOn("debian12-podman-4.3.1", yaml, {
      [cmd]: { stdout: "chmod: changing permissions of '/etc/hosts': Operation not permitted\n", exitCode: 1 },
    });
    expect(denied.status).toBe("pass");
    // busybox chmod uses chmod(2), which the lab's profile doesn't list: exit 0 (host-facts transcript)
    const allowed = await verdictOn("debian12-podman-4.3.1", yaml, { [cmd]: { stdout: "", exitCode: 0 } });
    expect(allowed.status).toBe("fail");
  });

  it("is not applicable without podman", async () => {
    const v = await verdictOn("rhel7-fresh", DENIED, { "podman --version": { stdout: "", stderr: "bash: podman: command not found\n", exitCode: 127 } });
    expect(v).toMatchObject({ status: "not-applicable", message: "podman is not installed on this host" });
  });
});
