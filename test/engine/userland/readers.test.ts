/** head, grep, wc … word a file SELinux refuses as the real programs do; `podman exec c ls -l` keeps its -l. */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "../containers/host-helper.js";

const UBI = "registry.access.redhat.com/ubi9/ubi";

describe("readers of a refused file", async () => {
  const host = containerHost("rhel9", 61);
  const steps = await runLines(host, [
    "mkdir /srv/a && echo hello > /srv/a/x && echo hello > /srv/a/y",
    `podman run -d --name a -v /srv/a:/data:Z ${UBI} sleep 1000`,
    `podman run -d --name b -v /srv/a:/other ${UBI} sleep 1000`,
    "podman exec b head /other/x",
    "podman exec b grep h /other/x /etc/hostname",
    "podman exec b wc -l /other/x",
    "podman exec a wc -l /data/x /data/y",
    "podman exec a ls -l /data/x",
    "grep -c hello /srv/a/x",
  ]);
  const r = (i: number) => steps[i]!.result;
  it("says Permission denied in each program's words", () => {
    expect(r(3).stderr).toBe("head: cannot open '/other/x' for reading: Permission denied\n");
    expect(r(3).exitCode).toBe(1);
    expect(r(4).stderr).toBe("grep: /other/x: Permission denied\n");
    expect(r(4).exitCode).toBe(2);
    expect(r(5).stderr).toBe("wc: /other/x: Permission denied\n");
  });
  it("leaves readable files to the library", () => {
    expect(r(6).stdout).toMatch(/1 \/data\/x\n.*1 \/data\/y\n.*2 total\n/s);
    expect(r(8).stdout).toBe("1\n");
  });
  it("podman exec passes the command's own -l on", () => {
    expect(r(7).stdout).toMatch(/^-rw-r--r--\. 1 root root 6 .* \/data\/x\n$/);
  });
});
