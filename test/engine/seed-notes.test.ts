/**
 * Acceptance: the "Container Hosts" seed notes (a student's notes from a real RHEL 7 lab host) run on the rhel7
 * profile and print what the notes show, up to changing values (ids, pids, MCS pairs, times). The command list is
 * written here (the notes themselves are not part of the repository); the registry typo of the third command is
 * fixed, and the lab's seccomp profile is present.
 */
import { describe, expect, it } from "vitest";
import { addLabFiles, containerHost, runLines, transcript, type Step } from "./containers/host-helper.js";
import { SEED_COMMANDS } from "./seed-notes.commands.js";

const PAIR = /container_t:s0:c(\d+),c(\d+)/;

function pairsOf(text: string, needle: string): string[] {
  return text.split("\n").filter((l) => l.includes(needle)).map((l) => {
    const m = PAIR.exec(l);
    expect(m, l).not.toBeNull();
    expect(Number(m![1])).toBeLessThan(Number(m![2]));
    return `${m![1]},${m![2]}`;
  });
}

async function runSeed(seed = 42): Promise<Step[]> {
  const host = containerHost("rhel7", seed);
  addLabFiles(host);
  return runLines(host, SEED_COMMANDS);
}

describe("the seed notes on rhel7", async () => {
  const steps = await runSeed();
  const out = (i: number) => steps[i - 1]!.result.stdout;
  const code = (i: number) => steps[i - 1]!.result.exitCode;

  it("runs all 32 commands; every one succeeds", () => {
    expect(SEED_COMMANDS).toHaveLength(32);
    const failed = steps.map((s, i) => [i + 1, s.command, s.result.exitCode, s.result.stderr] as const).filter(([i, , c]) => c !== 0 && i !== 32);
    expect(failed).toEqual([]);
  });

  it("the three runs print full container ids", () => {
    for (const i of [1, 2, 3]) expect(out(i)).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it("ps -efZ shows three top processes with three distinct MCS pairs", () => {
    const pairs = pairsOf(out(4), " top");
    expect(pairs).toHaveLength(3);
    expect(new Set(pairs).size).toBe(3);
    expect(out(4)).toMatch(/^system_u:system_r:container_t:s0:c\d+,c\d+ root +\d+ +\d+ +\d+ \d\d:\d\d pts\/\d+ +00:00:00 top$/m);
  });

  it("podman create -dt is accepted by podman 1.x and the container is Created", () => {
    expect(out(5)).toMatch(/^[0-9a-f]{64}\n$/);
    expect(out(6)).toMatch(/^CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES$/m);
    expect(out(6)).toMatch(/quay\.io\/fatherlinux\/on-off-container:latest +\/bin\/sh -c bash -\.\.\. +.* ago +Created +on-off-container/);
  });

  it("podman mount prints the overlay merged path, which then shows in mount", () => {
    const merged = out(8).trim();
    expect(merged).toMatch(/^\/var\/lib\/containers\/storage\/overlay\/[0-9a-f]{64}\/merged$/);
    expect(out(7)).not.toContain(merged);
    expect(out(9)).toContain(`overlay on ${merged} type overlay (rw,relatime,context="system_u:object_r:container_file_t:s0:c`);
  });

  it("the merged dir holds the image's root, and test.txt appears after touch", () => {
    const words = (s: string) => s.split(/\s+/).filter(Boolean).sort();
    expect(words(out(10))).toEqual("bin boot dev etc home lib lib64 media mnt opt proc root run sbin srv sys tmp usr var".split(" "));
    expect(words(out(12))).toEqual("bin boot dev etc home lib lib64 media mnt opt proc root run sbin srv sys test.txt tmp usr var".split(" "));
  });

  it("start prints the name, writes a config.json that jq parses, and the container Exits (0)", () => {
    expect(out(13)).toBe("on-off-container\n");
    expect(out(14)).toMatch(/^[0-9a-f]{64}\n$/);
    const spec = JSON.parse(out(15));
    expect(spec.process.args).toEqual(["/bin/sh", "-c", "bash -c 'if [ -f /mnt/on ]; then top; fi'"]);
    expect(spec.root.path).toBe(out(8).trim());
    expect(spec.mounts[0]).toEqual({ destination: "/mnt", type: "bind", source: "/mnt", options: ["rw", "rprivate", "rbind"] });
    expect(out(16)).toMatch(/on-off-container$/m);
    expect(out(16).split("\n").find((l) => l.endsWith("on-off-container"))).toMatch(/Exited \(0\) \d+ seconds? ago/);
  });

  it("with /mnt/on the container stays Up", () => {
    expect(out(18)).toBe("on-off-container\n");
    expect(out(19).split("\n").find((l) => l.endsWith("on-off-container"))).toMatch(/ Up \S+ (\S+ )?ago /);
  });

  it("exec -it opens a shell in the container, which sees /mnt/on; exit returns to the host", () => {
    expect(steps[20]!.prompt).toMatch(/^\[root@[0-9a-f]{12} \/\]# $/);
    expect(out(21)).toMatch(/^total \S+$/m);
    expect(out(21)).toMatch(/ on$/m);
    expect(steps[22]!.prompt).toBe("[root@rhel7 ~]# ");
  });

  it("kill -a and rm -a clean up", () => {
    expect(out(23).trim().split("\n").every((l) => /^[0-9a-f]{64}$/.test(l))).toBe(true);
    expect(out(24).trim().split("\n").length).toBeGreaterThanOrEqual(2);
  });

  it("two sleep 10 processes have distinct pairs", () => {
    const pairs = pairsOf(out(27), "sleep 10");
    expect(pairs).toHaveLength(2);
    expect(pairs[0]).not.toBe(pairs[1]);
  });

  it(":Z relabels /tmp/selinux-test to the last container's pair", () => {
    expect(out(29)).toMatch(/unconfined_u:object_r:user_tmp_t:s0 \.$/m);
    const inside = /container_file_t:s0:(c\d+,c\d+) \.$/m.exec(out(30));
    expect(inside).not.toBeNull();
    expect(out(30)).toMatch(new RegExp(`container_file_t:s0:${inside![1]} \\.\\.$`, "m"));
    expect(out(31)).toMatch(new RegExp(`system_u:object_r:container_file_t:s0:${inside![1]} \\.$`, "m"));
    expect(out(31)).toMatch(/system_u:object_r:tmp_t:s0 +\.\.$/m);
  });

  it("the seccomp profile denies chmod with the exact message", () => {
    // -it: the message comes through the container's pty, with its CRLF (as in the real podman transcript)
    expect(steps[31]!.result.stdout).toBe("chmod: changing permissions of '/etc/hosts': Operation not permitted\r\n");
    expect(steps[31]!.result.stderr).toBe("");
    expect(code(32)).toBe(1);
  });

  it("is byte-identical with the same seed", async () => {
    expect(transcript(await runSeed())).toBe(transcript(steps));
  });
});

describe("the seed notes with the registry typo left in", async () => {
  const host = containerHost("rhel7");
  addLabFiles(host);
  const lines = [...SEED_COMMANDS];
  lines[2] = `podman run -td registry-access.redhat.com/ubi7/ubi top`;
  const steps = await runLines(host, lines);

  it("podman run fails as podman 1.x does", () => {
    const r = steps[2]!.result;
    expect(r.exitCode).toBe(125);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Trying to pull registry-access.redhat.com/ubi7/ubi...");
    expect(r.stderr).toContain("pinging docker registry returned: Get https://registry-access.redhat.com/v2/: dial tcp: lookup registry-access.redhat.com: no such host");
    expect(r.stderr).toMatch(/^Error: error pulling image "registry-access\.redhat\.com\/ubi7\/ubi": unable to pull registry-access\.redhat\.com\/ubi7\/ubi: unable to pull image: Error initializing source docker:\/\/registry-access\.redhat\.com\/ubi7\/ubi:latest: /m);
  });

  it("the rest of the notes still run", () => {
    // with no podman container running yet, the first `mount | grep merged` finds nothing (grep exits 1)
    expect(steps[6]!.result.stdout).toBe("");
    expect(pairsOf(steps[3]!.result.stdout, " top")).toHaveLength(2);
    expect(steps[31]!.result.stdout).toBe("chmod: changing permissions of '/etc/hosts': Operation not permitted\r\n");
    expect(steps.filter((s, i) => i !== 2 && i !== 6 && i !== 31 && s.result.exitCode !== 0).map((s) => [s.command, s.result.stderr])).toEqual([]);
  });
});
