import { describe, expect, it } from "vitest";
import { verdictOn } from "./helpers.js";

describe("output check", () => {
  it("reads a JSON path in podman inspect (the array of one is looked through)", async () => {
    const yaml = `{type: output, title: t, command: podman container inspect on-off-container, json: {path: .State.Status, equals: running}}`;
    expect((await verdictOn("debian12-podman-4.3.1", yaml)).status).toBe("pass");
    const pid = `{type: output, title: t, command: podman container inspect on-off-container, json: {path: "[0].State.Pid", equals: 24844}}`;
    expect((await verdictOn("debian12-podman-4.3.1", pid)).status).toBe("pass");
    const mounts = `{type: output, title: t, command: podman container inspect on-off-container, json: {path: ".Mounts[0].Destination", equals: /data}}`;
    const v = await verdictOn("debian12-podman-4.3.1", mounts);
    expect(v.message).toBe('.Mounts[0].Destination is "/mnt", not "/data"');
    const missing = `{type: output, title: t, command: podman container inspect on-off-container, json: {path: .Nope, exists: true}}`;
    expect((await verdictOn("debian12-podman-4.3.1", missing)).message).toBe(".Nope is missing");
  });

  it("contains, not-contains and matches", async () => {
    const base = `type: output\ntitle: t\ncommand: "podman inspect --format '{{.State.Status}}' web"\n`;
    expect((await verdictOn("rhel9-cgroupv2", base + "contains: running")).status).toBe("pass");
    expect((await verdictOn("rhel9-cgroupv2", base + "contains: exited")).status).toBe("fail");
    expect((await verdictOn("rhel9-cgroupv2", base + "not-contains: running")).status).toBe("fail");
    expect((await verdictOn("rhel9-cgroupv2", base + "matches: '^run+ing$'")).status).toBe("pass");
  });

  it("fails (not throws) when the output isn't JSON", async () => {
    const v = await verdictOn("rhel9-cgroupv2", `{type: output, title: t, command: "podman inspect --format '{{.State.Status}}' web", json: {path: .a, equals: 1}}`);
    expect(v.status).toBe("fail");
  });
});

describe("output check on a missing command", () => {
  it("is an error, so not-contains can't pass on nothing", async () => {
    const v = await verdictOn("rhel9-cgroupv2", `{type: output, title: t, command: "getsebool -a", not-contains: "--> on"}`, {
      "getsebool -a": { stdout: "", stderr: "sh: getsebool: command not found\n", exitCode: 127 },
    });
    expect(v.status).toBe("error");
  });
});
