/** Capabilities as a consequence: --cap-drop/--cap-add/--privileged change CapEff, capsh and what root may do. */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "../containers/host-helper.js";

const UBI = "registry.access.redhat.com/ubi9/ubi";

describe("capabilities of containers", async () => {
  const host = containerHost("rhel9", 41);
  const steps = await runLines(host, [
    `podman run --rm ${UBI} grep Cap /proc/self/status`,                            // 0
    `podman run --rm ${UBI} capsh --print`,                                          // 1
    `podman run --rm ${UBI} chown nobody /etc/hosts`,                                // 2
    `podman run --rm --cap-drop CHOWN ${UBI} chown nobody /etc/hosts`,               // 3
    `podman run --rm --cap-drop=chown ${UBI} grep CapEff /proc/self/status`,         // 4
    `podman run --rm ${UBI} hostname box`,                                           // 5
    `podman run --rm --cap-add SYS_ADMIN ${UBI} hostname box`,                       // 6
    `podman run --rm ${UBI} mknod /tmp/null c 1 3`,                                  // 7
    `podman run --rm ${UBI} mknod /tmp/fifo p`,                                      // 8
    `podman run --rm --cap-add mknod ${UBI} mknod /tmp/null c 1 3`,                  // 9
    `podman run --rm --cap-add BOGUS ${UBI} true`,                                   // 10
    `podman run -d --name p --privileged ${UBI} sleep 100`,                          // 11
    "podman exec p grep CapEff /proc/self/status",                                   // 12
    "podman inspect p --format '{{.HostConfig.Privileged}} {{.ProcessLabel}}'",      // 13
    "ps -eZ | grep 'sleep 100'",                                                     // 14
    `podman run -d --name d --cap-drop ALL --cap-add NET_BIND_SERVICE ${UBI} sleep 100`, // 15
    "podman inspect d --format '{{.EffectiveCaps}}'",                                // 16
    `docker run --rm ${UBI} grep CapEff /proc/self/status`,                          // 17
    "capsh --decode=00000000800405fb",                                               // 18
  ]);
  const r = (i: number) => steps[i]!.result;

  it("podman 4's eleven defaults, as the kernel prints and capsh names them", () => {
    expect(r(0).stdout).toBe("CapInh:\t0000000000000000\nCapPrm:\t00000000800405fb\nCapEff:\t00000000800405fb\nCapBnd:\t00000000800405fb\n");
    const lines = r(1).stdout.split("\n");
    expect(lines[0]).toBe("Current: cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_sys_chroot,cap_setfcap=ep");
    expect(lines[1]).toBe("Bounding set =cap_chown,cap_dac_override,cap_fowner,cap_fsetid,cap_kill,cap_setgid,cap_setuid,cap_setpcap,cap_net_bind_service,cap_sys_chroot,cap_setfcap");
    expect(lines[3]).toMatch(/^Current IAB: !cap_dac_read_search,!cap_linux_immutable,.*,!cap_checkpoint_restore$/);
    expect(r(18).stdout).toBe(`0x00000000800405fb=${lines[0]!.slice("Current: ".length, -3)}\n`);
  });

  it("--cap-drop CHOWN makes chown fail as coreutils says; the default set allows it", () => {
    expect(r(2).exitCode).toBe(0);
    expect(r(3).stderr).toBe("chown: changing ownership of '/etc/hosts': Operation not permitted\n");
    expect(r(3).exitCode).toBe(1);
    expect(r(4).stdout).toBe("CapEff:\t00000000800405fa\n");
  });

  it("sethostname needs CAP_SYS_ADMIN, a device node CAP_MKNOD (a FIFO nothing)", () => {
    expect(r(5).stderr).toBe("hostname: you must be root to change the host name\n");
    expect(r(6).exitCode).toBe(0);
    expect(r(7).stderr).toBe("mknod: /tmp/null: Operation not permitted\n");
    expect(r(8).exitCode).toBe(0);
    expect(r(9).exitCode).toBe(0);
  });

  it("refuses an unknown capability", () => {
    expect(r(10).stderr).toBe('Error: unknown capability "CAP_BOGUS": invalid argument\n');
    expect(r(10).exitCode).toBe(125);
  });

  it("--privileged: every capability, spc_t, Privileged in inspect", () => {
    expect(r(12).stdout).toBe("CapEff:\t000001ffffffffff\n");
    expect(r(13).stdout).toBe("true \n");
    expect(r(14).stdout).toMatch(/^system_u:system_r:spc_t:s0 /);
  });

  it("--cap-drop ALL --cap-add keeps only what was added; docker's 14 defaults", () => {
    expect(r(16).stdout).toBe("[CAP_NET_BIND_SERVICE]\n");
    expect(r(17).stdout).toBe("CapEff:\t00000000a80425fb\n");
  });
});

describe("the host's root", () => {
  it("holds every capability its kernel has: 37 on RHEL 7, 41 on RHEL 9", async () => {
    const r7 = await runLines(containerHost("rhel7", 1), ["grep CapEff /proc/self/status", "capsh --print | head -1"]);
    const r9 = await runLines(containerHost("rhel9", 1), ["grep CapEff /proc/self/status", "capsh --print | head -1"]);
    expect(r7[0]!.result.stdout).toBe("CapEff:\t0000001fffffffff\n");
    expect(r9[0]!.result.stdout).toBe("CapEff:\t000001ffffffffff\n");
    expect(r9[1]!.result.stdout).toBe("Current: =ep\n");
  });
});
