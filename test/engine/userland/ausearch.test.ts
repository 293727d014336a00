/** ausearch over the audit log the kernel wrote: events, -m, -ts recent, -c, -i, <no matches>. */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "../containers/host-helper.js";
import { parseAuditLog } from "../../../engine/userland/ausearch.js";
import { advanceClock } from "../../../engine/kernel/clock.js";

const UBI = "registry.access.redhat.com/ubi9/ubi";

describe("ausearch", async () => {
  const host = containerHost("rhel9", 21);
  const before = await runLines(host, ["ausearch -m avc"]);
  const steps = await runLines(host, [
    "mkdir /srv/a && echo s > /srv/a/x",
    `podman run -d --name a -v /srv/a:/a:Z ${UBI} sleep 5000`,
    `podman run -d --name b -v /srv/a:/a ${UBI} sleep 5000`,
    "podman exec b cat /a/x",
    "podman exec b ls /a",
    "ausearch -m avc",           // 5
    "ausearch -m AVC -c ls",     // 6
    "ausearch -m avc -i -c cat", // 7
    "ausearch -m avc -ts recent | grep -c '^----'", // 8
  ]);
  advanceClock(host.clock, 11 * 60_000);
  const later = await runLines(host, ["ausearch -m avc -ts recent", "ausearch -m avc -ts today | grep -c '^----'", "ausearch -m avc --raw | head -1"]);

  it("says <no matches> on a clean host", () => {
    expect(before[0]!.result.stderr).toBe("<no matches>\n");
    expect(before[0]!.result.exitCode).toBe(1);
  });

  it("prints each event after ---- and time->, last-written record first", () => {
    const out = steps[5]!.result.stdout;
    const events = out.split("----\n").filter(Boolean);
    expect(events.length).toBe(2);
    expect(events[0]).toMatch(/^time->Thu Mar 26 13:00:\d\d 2026\ntype=PROCTITLE msg=audit\(\d+\.\d{3}:\d+\): proctitle=636174002F612F78\ntype=SYSCALL .*\ntype=AVC .*\n$/);
  });

  it("filters by message type and command name", () => {
    expect(steps[6]!.result.stdout).toContain('comm="ls" name="a"');
    expect(steps[6]!.result.stdout).not.toContain('comm="cat"');
  });

  it("-i turns numbers into names", () => {
    const out = steps[7]!.result.stdout;
    expect(out).toMatch(/type=PROCTITLE msg=audit\(03\/26\/2026 13:00:\d\d\.\d{3}:\d+\) : proctitle=cat \/a\/x/);
    expect(out).toMatch(/arch=x86_64 syscall=openat success=no exit=EACCES\(Permission denied\) a0=AT_FDCWD/);
  });

  it("-ts recent is the last ten minutes of the host's clock; today keeps them", () => {
    expect(steps[8]!.result.stdout).toBe("2\n");
    expect(later[0]!.result.stderr).toBe("<no matches>\n");
    expect(later[1]!.result.stdout).toBe("2\n");
    expect(later[2]!.result.stdout).toMatch(/^type=AVC msg=audit/);
  });

  it("groups lines by stamp", () => {
    const evs = parseAuditLog("type=AVC msg=audit(1.000:5): a\ntype=SYSCALL msg=audit(1.000:5): b\ntype=AVC msg=audit(2.500:6): c\njunk\n");
    expect(evs.map((e) => [e.serial, e.ms, e.types])).toEqual([[5, 1000, ["AVC", "SYSCALL"]], [6, 2500, ["AVC"]]]);
  });
});
