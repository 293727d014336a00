/** chcon, restorecon and ls -Z stay consistent with the decisions: the label a file shows is the one judged. */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "../containers/host-helper.js";

const UBI = "registry.access.redhat.com/ubi9/ubi";

describe("relabelling changes what a container may do", async () => {
  const host = containerHost("rhel9", 51);
  const steps = await runLines(host, [
    "mkdir /srv/v && echo v > /srv/v/f",
    `podman run -d --name c -v /srv/v:/v ${UBI} sleep 1000`,
    "ls -Z /srv/v/f",                                              // 2: var_t default
    "podman exec c cat /v/f",                                      // 3: var_t is readable
    "podman exec c touch /v/new",                                  // 4: but not writable
    "chcon -R -t container_file_t -l s0 /srv/v",                   // 5
    "podman exec c touch /v/new",                                  // 6: now shared
    "ls -Z /srv/v/new",                                            // 7
    "chcon -l s0:c1,c2 /srv/v/f",                                  // 8
    "podman exec c cat /v/f",                                      // 9: another pair
    "restorecon -R /srv/v",                                        // 10
    "ls -Z /srv/v/f",                                              // 11
    "podman exec c cat /v/f",                                      // 12: readable again
    "podman exec c id -Z",                                         // 13
    "ps -eZ | grep 'sleep 1000'",                                  // 14
  ]);
  const r = (i: number) => steps[i]!.result;

  it("follows chcon and restorecon", () => {
    expect(r(2).stdout).toBe("unconfined_u:object_r:var_t:s0 /srv/v/f\n");
    expect(r(3).stdout).toBe("v\n");
    expect(r(4).stderr).toBe("touch: cannot touch '/v/new': Permission denied\n");
    expect(r(6).exitCode).toBe(0);
    // a file a container creates takes the directory's level
    expect(r(7).stdout).toMatch(/^\w+:object_r:container_file_t:s0 \/srv\/v\/new\n$/);
    expect(r(9).stderr).toBe("cat: /v/f: Permission denied\n");
    expect(r(11).stdout).toMatch(/^\w+:object_r:var_t:s0 \/srv\/v\/f\n$/);
    expect(r(12).stdout).toBe("v\n");
  });

  it("the label judged is the one id -Z and ps -Z show", () => {
    const label = r(13).stdout.trim();
    expect(label).toMatch(/^system_u:system_r:container_t:s0:c\d+,c\d+$/);
    expect(r(14).stdout.startsWith(label + " ")).toBe(true);
  });
});

describe("label=type and label=level", async () => {
  const host = containerHost("rhel9", 52);
  const steps = await runLines(host, [
    "mkdir /srv/l && echo l > /srv/l/f && chcon -R -t container_file_t -l s0:c7,c8 /srv/l",
    `podman run --rm --security-opt label=level:s0:c7,c8 -v /srv/l:/l ${UBI} cat /l/f`,
    `podman run --rm --security-opt label=level:s0:c7,c9 -v /srv/l:/l ${UBI} cat /l/f`,
    `podman run --rm --security-opt label=type:spc_t -v /srv/l:/l ${UBI} cat /l/f`,
    `podman run -d --name t --security-opt label=type:container_init_t ${UBI} sleep 100`,
    "podman inspect t --format '{{.ProcessLabel}}'",
  ]);
  it("a level that dominates the files' is let in, another is not; spc_t is not confined", () => {
    expect(steps[1]!.result.stdout).toBe("l\n");
    expect(steps[2]!.result.stderr).toBe("cat: /l/f: Permission denied\n");
    expect(steps[3]!.result.stdout).toBe("l\n");
    expect(steps[5]!.result.stdout).toMatch(/^system_u:system_r:container_init_t:s0:c\d+,c\d+\n$/);
  });
});
