/** SELinux as it shows: MCS pairs on processes and files, :Z / :z relabels, label=disable and label=level. */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";

const UBI7 = "registry.access.redhat.com/ubi7/ubi";

describe("labels", async () => {
  const host = containerHost("rhel7");
  const steps = await runLines(host, [
    `podman run -d --name a ${UBI7} sleep 1000`,
    "podman exec a id -Z",
    "podman exec a ls -dZ /etc",
    "podman inspect a --format '{{.ProcessLabel}} {{.MountLabel}}'",
    "mkdir /srv/shared /srv/private",
    `podman run --rm -v /srv/shared:/s:z ${UBI7} true`,
    "ls -dZ /srv/shared",
    `podman run --rm -v /srv/private:/p:Z ${UBI7} true`,
    "ls -dZ /srv/private",
    `podman run -d --name off --security-opt label=disable ${UBI7} sleep 1000`,
    "ps -eZ | grep sleep",
    `podman run -d --name lvl --security-opt label=level:s0:c1,c2 ${UBI7} sleep 1000`,
    "podman inspect lvl --format '{{.ProcessLabel}}'",
    `docker run -d ${UBI7} sleep 1000`,
    "ps -efZ | grep -v grep | grep 'sleep 1000'",
  ]);
  const out = (i: number) => steps[i]!.result.stdout;

  it("the container's process and its files carry the same pair", () => {
    const pair = /container_t:(s0:c\d+,c\d+)/.exec(out(1))![1];
    expect(out(1)).toBe(`system_u:system_r:container_t:${pair}\n`);
    expect(out(2)).toContain(`system_u:object_r:container_file_t:${pair}`);
    expect(out(3)).toBe(`system_u:system_r:container_t:${pair} system_u:object_r:container_file_t:${pair}\n`);
  });

  it(":z gives the shared label, :Z the container's private one", () => {
    expect(out(6)).toContain("system_u:object_r:container_file_t:s0 ");
    expect(out(8)).toMatch(/system_u:object_r:container_file_t:s0:c\d+,c\d+ /);
  });

  it("label=disable runs as spc_t; label=level uses the given level", () => {
    expect(out(10)).toMatch(/system_u:system_r:spc_t:s0 /);
    expect(out(12)).toBe("system_u:system_r:container_t:s0:c1,c2\n");
  });

  it("docker's containers get pairs too, distinct from podman's", () => {
    const pairs = out(14).trim().split("\n").map((l) => /container_t:(s0:c\d+,c\d+)/.exec(l)?.[1]).filter(Boolean);
    expect(pairs.length).toBe(3);
    expect(new Set(pairs).size).toBe(3);
  });
});
