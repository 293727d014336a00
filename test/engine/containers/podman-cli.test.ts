/**
 * podman 4 on the rhel9 profile against the real podman 4.3.1 transcripts in the fixtures: the same commands print
 * the same text up to ids, names and times.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";

const fixtures = new URL("../../fixtures/engine/podman-4.3.1/", import.meta.url);
const dtError = readFileSync(new URL("podman-4.3.1-debian12-step2-dt-error.transcript.txt", fixtures), "utf8");
const step2 = readFileSync(new URL("podman-4.3.1-debian12-step2.transcript.txt", fixtures), "utf8");
const observedInspect = JSON.parse(readFileSync(new URL("observed-podman-4.3.1-inspect-on-off-container.json", fixtures), "utf8"))[0];

/** Lines of a transcript between a `+ cmd` line and the next `+` line. */
function outputOf(transcript: string, command: string): string {
  const lines = transcript.split("\n");
  const i = lines.indexOf(`+ ${command}`);
  if (i < 0) throw new Error(`not in transcript: ${command}`);
  const out: string[] = [];
  for (const l of lines.slice(i + 1)) {
    if (l.startsWith("+")) break;
    out.push(l);
  }
  return out.join("\n") + "\n";
}

/** Masks what changes between runs: ids, times. */
function mask(text: string): string {
  return text
    .replace(/\b[0-9a-f]{64}\b/g, "<ID>")
    .replace(/\b[0-9a-f]{12}\b/g, "<SHORT>")
    .replace(/(Less than a second|\d+ seconds?|About a minute) ago/g, "<T> ago")
    .replace(/ +/g, " ");
}

const CREATE_T = "podman create -t --name on-off-container -v /tmp/rt/hostmnt:/mnt:Z quay.io/fatherlinux/on-off-container";

describe("podman 4 (rhel9) against podman 4.3.1 transcripts", async () => {
  const host = containerHost("rhel9");
  const steps = await runLines(host, [
    "podman create -dt --name on-off-container -v /mnt:/mnt:Z quay.io/fatherlinux/on-off-container",
    "podman ps -a",
    "podman mount on-off-container",
    "mkdir -p /tmp/rt/hostmnt",
    CREATE_T,
    "podman ps -a",
    "ls /var/lib/containers/storage/overlay-containers/$(podman ps -l -q --no-trunc)/userdata/",
    "cat /var/lib/containers/storage/overlay-containers/$(podman ps -l -q --no-trunc)/userdata/config.json",
    "podman inspect on-off-container --format '{{.State.Status}} {{.GraphDriver.Name}} {{.GraphDriver.Data.MergedDir}}'",
    "podman mount on-off-container",
    "podman mount",
    "podman start on-off-container",
    "ls /var/lib/containers/storage/overlay-containers/$(podman ps -l -q --no-trunc)/userdata/",
    "podman inspect on-off-container --format '{{.State.Status}} exit={{.State.ExitCode}}'",
    "touch /tmp/rt/hostmnt/on",
    "podman start on-off-container",
    "podman ps -a",
    "podman exec on-off-container ls -lisah /mnt",
    "podman kill on-off-container",
    "podman ps -a",
    "podman rm on-off-container",
    "podman ps -a",
  ]);
  const r = (i: number) => steps[i]!.result;

  it("rejects create -dt exactly as podman 4.3.1", () => {
    expect(r(0).stderr).toBe(outputOf(dtError, "podman create -dt --name on-off-container -v /mnt:/mnt:Z quay.io/fatherlinux/on-off-container"));
    expect(r(0).exitCode).toBe(125);
    expect(r(1).stdout).toBe(outputOf(dtError, "podman ps -a"));
    expect(r(2).stderr).toBe('Error: no container with name or ID "on-off-container" found: no such container\n');
  });

  it("lists a created container as podman 4.3.1 does", () => {
    expect(r(4).stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const want = outputOf(step2, "podman ps -a").split("\n").slice(0, 2).join("\n");
    expect(mask(r(5).stdout.trimEnd())).toBe(mask(want));
    // the header's columns line up with the row's
    const [header, row] = r(5).stdout.split("\n");
    expect(row!.indexOf("quay.io")).toBe(header!.indexOf("IMAGE"));
    expect(row!.indexOf("on-off-container", 60)).toBe(header!.indexOf("NAMES"));
  });

  it("has no config.json before start; userdata as podman 4.3.1 lays it out", () => {
    expect(r(6).stdout.split(/\s+/).filter(Boolean)).toEqual(["artifacts", "secrets", "shm"]);
    expect(r(7).stderr).toMatch(/^cat: \/var\/lib\/containers\/storage\/overlay-containers\/[0-9a-f]{64}\/userdata\/config\.json: No such file or directory\n$/);
    expect(r(8).stdout).toBe("created overlay <no value>\n");
  });

  it("mount prints the merged path; mount without arguments lists it", () => {
    expect(r(9).stdout).toMatch(/^\/var\/lib\/containers\/storage\/overlay\/[0-9a-f]{64}\/merged\n$/);
    expect(r(10).stdout).toBe(`${r(4).stdout.slice(0, 12)}  ${r(9).stdout}`);
  });

  it("start without /mnt/on: Exited (0), config.json and ctr.log written", () => {
    expect(r(11).stdout).toBe("on-off-container\n");
    expect(r(12).stdout.split(/\s+/).filter(Boolean)).toEqual(["artifacts", "config.json", "ctr.log", "secrets", "shm"]);
    expect(r(13).stdout).toBe("exited exit=0\n");
  });

  it("start with /mnt/on: Up; exec sees the file; kill gives Exited (137); rm removes", () => {
    expect(r(15).stdout).toBe("on-off-container\n");
    expect(r(16).stdout).toMatch(/ Up \S+ (\S+ )?ago +on-off-container\n$/);
    expect(r(17).stdout).toMatch(/^total 8\.0K\n/);
    expect(r(17).stdout).toMatch(/ on\n$/);
    expect(r(18).stdout).toBe("on-off-container\n");
    expect(r(19).stdout).toMatch(/Exited \(137\) \S+ (\S+ )?ago +on-off-container\n$/);
    expect(r(20).stdout).toBe("on-off-container\n");
    expect(r(21).stdout).toBe(outputOf(dtError, "podman ps -a"));
  });
});

describe("podman 4 inspect", async () => {
  const host = containerHost("rhel9");
  const steps = await runLines(host, ["mkdir -p /tmp/rt/hostmnt", CREATE_T, "touch /tmp/rt/hostmnt/on", "podman start on-off-container", "podman inspect on-off-container"]);
  const text = steps[4]!.result.stdout;
  const ours = JSON.parse(text)[0];

  it("indents by five spaces as podman 4 does", () => {
    expect(text.startsWith("[\n     {\n          \"Id\": ")).toBe(true);
  });

  it("has the observed fields in the observed order", () => {
    const keys = Object.keys(ours);
    const observed = Object.keys(observedInspect).filter((k) => keys.includes(k));
    expect(keys.filter((k) => observed.includes(k))).toEqual(observed);
    expect(keys.length).toBeGreaterThanOrEqual(Object.keys(observedInspect).length - 3);
    expect(Object.keys(ours.State)).toEqual(Object.keys(observedInspect.State));
    expect(Object.keys(ours.GraphDriver.Data).sort()).toEqual(Object.keys(observedInspect.GraphDriver.Data).sort());
  });

  it("reports the running container and its labels", () => {
    expect(ours.State.Status).toBe("running");
    expect(ours.State.Pid).toBeGreaterThan(ours.State.ConmonPid);
    expect(ours.Path).toBe(observedInspect.Path);
    expect(ours.Args).toEqual(observedInspect.Args);
    expect(ours.EffectiveCaps).toEqual(observedInspect.EffectiveCaps);
    expect(ours.ProcessLabel).toMatch(/^system_u:system_r:container_t:s0:c\d+,c\d+$/);
    expect(ours.MountLabel).toBe(ours.ProcessLabel.replace("system_r:container_t", "object_r:container_file_t"));
    expect(ours.Mounts[0]).toMatchObject({ Type: "bind", Source: "/tmp/rt/hostmnt", Destination: "/mnt", RW: true, Propagation: "rprivate" });
    expect(ours.OCIConfigPath).toBe(`/var/lib/containers/storage/overlay-containers/${ours.Id}/userdata/config.json`);
  });
});

describe("pull and run errors", async () => {
  it("podman 4: unknown registry host", async () => {
    const host = containerHost("rhel9");
    const [s] = await runLines(host, ["podman run -td registry-access.redhat.com/ubi7/ubi top"]);
    expect(s!.result.stderr).toBe(
      "Trying to pull registry-access.redhat.com/ubi7/ubi:latest...\n" +
      'Error: initializing source docker://registry-access.redhat.com/ubi7/ubi:latest: pinging container registry registry-access.redhat.com: Get "https://registry-access.redhat.com/v2/": dial tcp: lookup registry-access.redhat.com: no such host\n');
    expect(s!.result.exitCode).toBe(125);
  });

  it("podman 4: unknown repository and tag; short names", async () => {
    const host = containerHost("rhel9");
    const steps = await runLines(host, ["podman pull quay.io/fatherlinux/nope", "podman pull registry.access.redhat.com/ubi7/ubi:nope", "podman pull ubi", "podman pull busybox"]);
    expect(steps[0]!.result.stderr).toContain("Error: initializing source docker://quay.io/fatherlinux/nope:latest: reading manifest latest in quay.io/fatherlinux/nope: unauthorized");
    expect(steps[1]!.result.stderr).toContain("reading manifest nope in registry.access.redhat.com/ubi7/ubi: manifest unknown");
    expect(steps[2]!.result.stderr).toBe("Error: short-name resolution enforced but cannot prompt without a TTY\n");
    const pull = steps[3]!.result;
    expect(pull.stderr).toMatch(/^Resolved "busybox" as an alias \(\/etc\/containers\/registries\.conf\.d\/000-shortnames\.conf\)\nTrying to pull docker\.io\/library\/busybox:latest\.\.\.\nGetting image source signatures\nCopying blob sha256:[0-9a-f]{64}\nCopying config sha256:[0-9a-f]{64}\nWriting manifest to image destination\nStoring signatures\n$/);
    expect(pull.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(pull.stderr).toContain(`Copying config sha256:${pull.stdout.trim()}`);
  });

  it("docker 1.13: unknown host, repository, tag", async () => {
    const host = containerHost("rhel7");
    const steps = await runLines(host, ["docker run -td registry-access.redhat.com/ubi7/ubi top", "docker run docker.io/nope/nope", "docker pull busybox:nope"]);
    expect(steps[0]!.result.stderr).toBe(
      "Unable to find image 'registry-access.redhat.com/ubi7/ubi:latest' locally\n" +
      "Trying to pull repository registry-access.redhat.com/ubi7/ubi ... \n" +
      "/usr/bin/docker-current: Error response from daemon: Get https://registry-access.redhat.com/v2/: dial tcp: lookup registry-access.redhat.com on 10.0.2.3:53: no such host.\n" +
      "See '/usr/bin/docker-current run --help'.\n");
    expect(steps[0]!.result.exitCode).toBe(125);
    expect(steps[1]!.result.stderr).toContain("Error response from daemon: repository nope/nope not found: does not exist or no pull access.");
    expect(steps[2]!.result.stderr).toBe("Error response from daemon: manifest for busybox:nope not found\n");
    expect(steps[2]!.result.exitCode).toBe(1);
  });
});
