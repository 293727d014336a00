import { describe, expect, it } from "vitest";
import { verdictOn } from "./helpers.js";

const TOPS = `type: process
title: three top containers are running
command: top
count: { min: 3 }`;

describe("process check", () => {
  it("counts the top processes on real podman 4.3.1 output (Debian, no SELinux)", async () => {
    const v = await verdictOn("debian12-podman-4.3.1", TOPS);
    expect(v.status).toBe("pass");
    expect(v.evidence).toContain("19948 19937");
    // `bash -c if [ -f /mnt/on ]; then top; fi` is not a `top` process
    expect(v.message).toMatch(/^4 processes "top" running/);
  });

  it("fails on a fresh RHEL 7 host where no container runs", async () => {
    const v = await verdictOn("rhel7-fresh", TOPS);
    expect(v).toMatchObject({ status: "fail", points: 0, maxPoints: 1 });
    expect(v.message).toBe('expected at least 3 processes "top", found 0');
  });

  it("matches an exact count, by prefix words: sleep 10 is not sleep 100", async () => {
    const yaml = `{type: process, title: two sleeps, command: "sleep 10", count: 2, points: 3}`;
    expect(await verdictOn("rhel7-after", yaml)).toMatchObject({ status: "pass", points: 3, maxPoints: 3 });
    const wrong = `{type: process, title: sleeps, command: "sleep 100"}`;
    expect((await verdictOn("rhel7-after", wrong)).status).toBe("fail");
  });

  it("selects by substring, regex and SELinux domain", async () => {
    expect((await verdictOn("rhel7-after", `{type: process, title: t, command-contains: "/mnt/on", count: 1}`)).status).toBe("pass");
    expect((await verdictOn("rhel7-after", `{type: process, title: t, command-matches: "^top$", count: 4}`)).status).toBe("pass");
    expect((await verdictOn("rhel7-after", `{type: process, title: t, selinux-type: container_t, count: 7}`)).status).toBe("pass");
    expect((await verdictOn("rhel7-fresh", `{type: process, title: t, selinux-type: container_t}`)).status).toBe("fail");
  });

  it("running: false passes only when none runs", async () => {
    const yaml = `{type: process, title: no sleep left, command: sleep, running: false}`;
    expect((await verdictOn("rhel7-fresh", yaml)).status).toBe("pass");
    const v = await verdictOn("rhel7-after", yaml);
    expect(v.status).toBe("fail");
    expect(v.message).toContain("2 processes");
  });

  it("uses the author's failure message", async () => {
    const v = await verdictOn("rhel7-fresh", `${TOPS}\nmessage: Start three containers running top first.`);
    expect(v.message).toBe("Start three containers running top first.");
  });

  it("is an error, not a fail, when ps prints nothing usable", async () => {
    const v = await verdictOn("rhel7-fresh", TOPS, { "ps -efZ": { stdout: "", stderr: "ps: command not found", exitCode: 127 } });
    expect(v.status).toBe("error");
  });
});
