/** Hostile input for the SELinux and capability tools: junk in the audit log, odd names, garbage arguments. */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "../containers/host-helper.js";
import { kernelFs } from "../../../engine/fs/fs-view.js";
import { parseAuditLog } from "../../../engine/userland/ausearch.js";

const UBI = "registry.access.redhat.com/ubi9/ubi";

describe("hostile input", () => {
  it("a file name with spaces, quotes and newlines is logged hex-encoded, as the kernel does", async () => {
    const host = containerHost("rhel9", 71);
    const steps = await runLines(host, [
      "mkdir /srv/q && touch '/srv/q/a \"b\"'",
      `podman run -d --name q -v /srv/q:/q:Z ${UBI} sleep 100`,
      `podman run -d --name r -v /srv/q:/q ${UBI} sleep 100`,
      "podman exec r cat '/q/a \"b\"'",
      "ausearch -m avc -c cat",
    ]);
    expect(steps[3]!.result.stderr).toBe("cat: /q/a \"b\": Permission denied\n");
    expect(steps[4]!.result.stdout).toContain(" name=6120226222 ");
  });

  it("ausearch survives a huge log of junk and long lines, and refuses garbage times", async () => {
    const host = containerHost("rhel9", 72);
    const junk = "x".repeat(100_000) + "\n" + "type=AVC msg=audit(nope): \n".repeat(20_000) + "type=AVC msg=audit(1774530000.000:9): avc:  denied  { read } for  pid=1 comm=\"x\"\n";
    kernelFs(host).mkdirSync("/var/log/audit", { recursive: true });
    kernelFs(host).writeFileSync("/var/log/audit/audit.log", junk);
    const t0 = performance.now();
    const steps = await runLines(host, ["ausearch -m avc | grep -c AVC", "ausearch -ts 99:99:99", "ausearch -ts", "ausearch -m", "ausearch --bogus"]);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(steps[0]!.result.stdout).toBe("1\n");
    expect(steps[1]!.result.exitCode).toBe(1);
    expect(steps[2]!.result.exitCode).toBe(1);
    expect(steps[3]!.result.stderr).toBe("Argument is required for -m\n");
    expect(steps[4]!.result.stderr).toBe("--bogus is an unsupported option\n");
    expect(parseAuditLog("\0\0type=AVC msg=audit(1.000:1)\n".repeat(3)).length).toBe(1);
  });

  it("capsh and setenforce refuse garbage without throwing", async () => {
    const host = containerHost("rhel9", 73);
    const steps = await runLines(host, [`capsh --decode=${"f".repeat(1000)}`, "capsh --decode=zz", `setenforce ${"1".repeat(10_000)}`, "getenforce"]);
    expect(steps[0]!.result.exitCode).toBe(1);
    expect(steps[1]!.result.exitCode).toBe(1);
    expect(steps[2]!.result.stderr).toBe("usage:  setenforce [ Enforcing | Permissive | 1 | 0 ]\n");
    expect(steps[3]!.result.stdout).toBe("Enforcing\n");
  });
});
