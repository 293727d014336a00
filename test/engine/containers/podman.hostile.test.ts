/** Hostile input to the engines' CLIs: nothing crashes, errors read like the real ones, nothing escapes the host. */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";

const UBI7 = "registry.access.redhat.com/ubi7/ubi";

describe("hostile input", () => {
  it("bad names, volumes, options and references give errors, not exceptions", async () => {
    const host = containerHost("rhel9");
    const steps = await runLines(host, [
      `podman run --name 'bad name!' ${UBI7} true`,
      `podman run -v relative:/x ${UBI7} true`,
      `podman run -v /nope:/x ${UBI7} true`,
      `podman run -v /tmp:relative ${UBI7} true`,
      `podman run --security-opt seccomp=/nope.json ${UBI7} true`,
      `podman run --security-opt bogus ${UBI7} true`,
      `podman run --memory lots ${UBI7} true`,
      "podman run 'UPPER/Case'",
      "podman inspect --format '{{.Nope}}' nope",
      "podman frobnicate",
      "podman",
      "docker run --name 'a b' busybox true",
      "podman exec nope ls",
      "podman rm nope",
      "podman kill nope",
    ]);
    for (const s of steps) {
      expect(s.result.exitCode, s.command).not.toBe(0);
      expect(s.result.stderr.length, s.command).toBeGreaterThan(0);
    }
    expect(steps[0]!.result.stderr).toBe("Error: names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument\n");
    expect(steps[2]!.result.stderr).toBe("Error: statfs /nope: no such file or directory\n");
    expect(steps[4]!.result.stderr).toBe("Error: opening seccomp profile failed: open /nope.json: no such file or directory\n");
    expect(steps[9]!.result.stderr).toBe("Error: unrecognized command `podman frobnicate`\nTry 'podman --help' for more information\n");
    expect(steps[12]!.result.stderr).toBe('Error: no container with name or ID "nope" found: no such container\n');
  });

  it("a very long name is accepted, as podman accepts it", async () => {
    const host = containerHost("rhel9");
    const long = "x".repeat(5000);
    const steps = await runLines(host, [`podman run --name ${long} ${UBI7} true`, "podman ps -a --format '{{.Names}}'"]);
    expect(steps[0]!.result.exitCode).toBe(0);
    expect(steps[1]!.result.stdout).toBe(`${long}\n`);
  });

  it("a broken seccomp profile is refused with podman's wording", async () => {
    const host = containerHost("rhel7");
    const steps = await runLines(host, [
      "echo '{\"defaultAction\": ' > /root/broken.json",
      `podman run --security-opt seccomp=broken.json ${UBI7} true`,
      "echo '{\"defaultAction\": \"SCMP_ACT_NOPE\"}' > /root/bad.json",
      `podman run --security-opt seccomp=/root/bad.json ${UBI7} true`,
    ]);
    expect(steps[1]!.result.stderr).toMatch(/^Error: loading seccomp profile \(broken\.json\) failed: decoding seccomp profile failed: /);
    expect(steps[3]!.result.stderr).toBe('Error: loading seccomp profile (/root/bad.json) failed: converting seccomp profile failed: invalid action "SCMP_ACT_NOPE"\n');
  });

  it("a volume path with .. stays a host path; :Z on / is still only a relabel in the simulation", async () => {
    const host = containerHost("rhel9");
    const steps = await runLines(host, [
      "mkdir -p /srv/data",
      `podman run --rm -v /srv/../srv/data:/data:Z ${UBI7} ls -dZ /data`,
    ]);
    expect(steps[1]!.result.exitCode).toBe(0);
    expect(steps[1]!.result.stdout).toMatch(/container_file_t:s0:c\d+,c\d+/);
  });

  it("many containers: names stay unique and pairs distinct", async () => {
    const host = containerHost("rhel9");
    const lines = Array.from({ length: 200 }, () => `podman run -d ${UBI7} sleep 1000`);
    await runLines(host, lines);
    const [r] = await runLines(host, ["podman ps --format '{{.Names}}'"]);
    const names = r!.result.stdout.trim().split("\n");
    expect(names).toHaveLength(200);
    expect(new Set(names).size).toBe(200);
    const labels = Object.values(host.tasks.byPid).filter((t) => t.containerId).map((t) => t.label);
    expect(new Set(labels).size).toBe(200);
  });
});
