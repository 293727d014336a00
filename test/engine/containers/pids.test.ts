/**
 * The pids controller as a consequence: with --pids-limit a loop of background sleeps stops at the limit with
 * bash's fork messages, a fork bomb fills the container's cgroup and no more, and the host goes on working.
 */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";

const UBI7 = "registry.access.redhat.com/ubi7/ubi";
const RETRY = "bash: fork: retry: Resource temporarily unavailable\n";

describe("--pids-limit 5 and a loop of background sleeps", async () => {
  const host = containerHost("rhel9");
  const steps = await runLines(host, [
    `podman run -d --name capped --pids-limit 5 ${UBI7} sleep infinity`,
    "podman exec capped bash -c 'for i in $(seq 1 10); do sleep 1000 & done; echo never'",
    "cat /sys/fs/cgroup/machine.slice/libpod-$(podman inspect -f '{{.Id}}' capped).scope/container/pids.current",
    "podman exec capped ps -e -o comm= | sort | uniq -c",
    "for i in 1 2 3; do sleep 1000 & done; ps -C sleep -o pid= | wc -l",
  ]);
  const r = (i: number) => steps[i]!.result;

  it("bash -c retries four times, gives up, abandons the string with status 1", () => {
    expect(r(1).stderr).toBe(RETRY.repeat(4) + "bash: fork: Resource temporarily unavailable\n");
    expect(r(1).stdout).toBe("");
    expect(r(1).exitCode).toBe(1);
  });

  it("the sleeps that got a pid stay; the group holds no more than its limit", () => {
    expect(Number(r(2).stdout)).toBeLessThanOrEqual(5);
    expect(r(3).stdout).toMatch(/^\s+1 ps\n\s+1 sleep\n\s+3 sleep\n$|^\s+1 ps\n\s+4 sleep\n$/);
  });

  it("the host is not limited by the container's cgroup", () => {
    expect(r(4).exitCode).toBe(0);
    // the host's three, and the container's four (sleep infinity and three sleep 1000), all seen from the host
    expect(Number(r(4).stdout)).toBe(3 + 4);
  });
});

describe("a fork bomb in a container", async () => {
  const host = containerHost("rhel9");
  const t0 = performance.now();
  const steps = await runLines(host, [
    `podman run -d --name bomb --pids-limit 50 ${UBI7} sleep infinity`,
    "podman exec bomb bash -c ':(){ :|:& };:'",
    "cat /sys/fs/cgroup/machine.slice/libpod-$(podman inspect -f '{{.Id}}' bomb).scope/container/pids.current",
    "echo the host still forks; ps -e | wc -l",
    "podman rm -f bomb >/dev/null; ps -e | wc -l",
  ]);
  const ms = performance.now() - t0;
  const r = (i: number) => steps[i]!.result;

  it("fills the container's cgroup to pids.max and is refused there", () => {
    expect(r(1).stderr.startsWith(RETRY.repeat(4))).toBe(true);
    // the bash that started it has exited since, leaving one pid the bomb would take again at once
    expect(Number(r(2).stdout)).toBeGreaterThanOrEqual(49);
    expect(Number(r(2).stdout)).toBeLessThanOrEqual(50);
  });

  it("the host keeps working, and removing the container takes the bomb with it", () => {
    expect(r(3).stdout.split("\n")[0]).toBe("the host still forks");
    expect(Number(r(3).stdout.split("\n")[1]) - Number(r(4).stdout)).toBeGreaterThanOrEqual(49);
  });

  it("is contained quickly", () => {
    expect(ms).toBeLessThan(2000);
  });
});
