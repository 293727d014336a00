/** The smaller subcommands: logs, start -a, version, info, images, inspect of images, docker inspect, --format. */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";

const UBI7 = "registry.access.redhat.com/ubi7/ubi";

describe("podman 1.x on rhel7", async () => {
  const host = containerHost("rhel7");
  const steps = await runLines(host, [
    `podman run -d --name r ${UBI7} cat /etc/redhat-release`,
    "podman logs r",
    `podman create --name s ${UBI7} echo hello`,
    "podman start -a s",
    "podman version",
    "podman info --format '{{.Store.GraphRoot}} {{.Store.RunRoot}} {{.Host.CgroupManager}} {{.Host.CgroupsVersion}}'",
    "podman images",
    "podman ps -a --format 'table {{.Names}}\\t{{.Status}}'",
    "podman inspect --format '{{.Config.Tty}} {{.State.Status}} {{.State.ExitCode}}' r",
    "podman inspect r",
  ]);
  const out = (i: number) => steps[i]!.result.stdout;

  it("logs and start -a show what the container printed", () => {
    expect(out(1)).toBe("Red Hat Enterprise Linux Server release 7.9 (Maipo)\n");
    expect(out(3)).toBe("hello\n");
  });

  it("version and info come from the profile and the era", () => {
    expect(out(4)).toMatch(/^Version: +1\.\d+\.\d+\n/);
    expect(out(5)).toBe("/var/lib/containers/storage /var/run/containers/storage systemd v1\n");
  });

  it("images and table formats use podman 1.x's layout", () => {
    expect(out(6)).toMatch(/^REPOSITORY  +TAG  +IMAGE ID  +CREATED  +SIZE\n/);
    expect(out(6)).toMatch(/^registry\.access\.redhat\.com\/ubi7\/ubi +latest +[0-9a-f]{12} +\d+ months ago +215 MB$/m);
    expect(out(7)).toMatch(/^NAMES  STATUS\ns +Exited \(0\) \S+ (\S+ )?ago\nr +Exited \(0\) \S+ (\S+ )?ago\n$/);
  });

  it("inspect: --format and four-space JSON", () => {
    expect(out(8)).toBe("false exited 0\n");
    expect(out(9).startsWith('[\n    {\n        "Id": ')).toBe(true);
  });
});

describe("docker inspect and image inspect", async () => {
  const host = containerHost("rhel7");
  const steps = await runLines(host, [
    `docker run -d --name web ${UBI7} sleep 100`,
    "docker inspect --format '{{.Name}} {{.State.Status}} {{.Driver}} {{.HostConfig.PidsLimit}}' web",
    `podman inspect --format '{{.RepoTags}}' ${UBI7}`,
    "docker inspect nope",
  ]);
  it("speaks docker's shape", () => {
    expect(steps[1]!.result.stdout).toBe("/web running overlay2 0\n");
    expect(steps[2]!.result.stdout).toBe(`[${UBI7}:latest]\n`);
    expect(steps[3]!.result.stderr).toBe("Error: No such object: nope\n");
    expect(steps[3]!.result.stdout).toBe("[]\n");
  });
});

describe("podman top", () => {
  it("lists the container's processes in its own pid namespace, as podman 4.3.1 does", async () => {
    const host = containerHost("rhel9");
    const steps = await runLines(host, [
      "mkdir -p /tmp/rt/hostmnt", "touch /tmp/rt/hostmnt/on",
      "podman create -t --name on-off-container -v /tmp/rt/hostmnt:/mnt:Z quay.io/fatherlinux/on-off-container",
      "podman start on-off-container", "podman top on-off-container",
    ]);
    const lines = steps[4]!.result.stdout.split("\n");
    expect(lines[0]).toBe("USER        PID         PPID        %CPU        ELAPSED     TTY         TIME        COMMAND");
    expect(lines[1]).toMatch(/^root {8}1 {11}0 {11}\d\.\d{3} +\S+ +pts\/0 {7}0s {10}bash -c if \[ -f \/mnt\/on \]; then top; fi $/);
    expect(lines[2]).toMatch(/^root {8}\d+ +1 {11}\d\.\d{3} +\S+ +pts\/0 {7}0s {10}top $/);
  });
});

describe("ps --filter", () => {
  it("filters by name, status and ancestor", async () => {
    const host = containerHost("rhel9");
    const steps = await runLines(host, [
      `podman run -d --name web ${UBI7} sleep 100`,
      `podman run --name once ${UBI7} true`,
      "podman ps -f name=web --format '{{.Names}}'",
      "podman ps --filter status=exited --format '{{.Names}}'",
      `podman ps -a --filter ancestor=${UBI7} -q | wc -l`,
      "podman ps -f bogus=1",
    ]);
    expect(steps[2]!.result.stdout).toBe("web\n");
    expect(steps[3]!.result.stdout).toBe("once\n");
    expect(steps[4]!.result.stdout.trim()).toBe("2");
    expect(steps[5]!.result.stderr).toBe('Error: invalid filter "bogus=1"\n');
  });
});

describe("rmi", () => {
  it("refuses an image in use, removes it with -f, and pulls it again from the shared tree", async () => {
    const host = containerHost("rhel9");
    const steps = await runLines(host, [
      "podman pull -q busybox",
      "podman run -d --name b busybox sleep 100",
      "podman rmi busybox",
      "podman rmi -f busybox",
      "podman images -q | wc -l",
      "podman run --rm busybox ls /bin/busybox",
      "docker pull -q busybox",
      "docker rmi busybox",
    ]);
    const id = steps[0]!.result.stdout.trim();
    expect(steps[2]!.result.stderr).toMatch(/^Error: image used by [0-9a-f]{64}: image is in use by a container\n$/);
    expect(steps[2]!.result.exitCode).toBe(2);
    expect(steps[3]!.result.stdout).toBe(`Untagged: docker.io/library/busybox:latest\nDeleted: ${id}\n`);
    expect(steps[4]!.result.stdout.trim()).toBe("2");
    expect(steps[5]!.result.stdout).toBe("/bin/busybox\n");
    expect(steps[7]!.result.stdout).toBe(`Untagged: busybox:latest\nDeleted: sha256:${id}\n`);
  });
});

describe("--entrypoint", () => {
  it("replaces the image's entrypoint and command", async () => {
    const host = containerHost("rhel9");
    const [s] = await runLines(host, [`podman run --rm --entrypoint cat ${UBI7} /etc/redhat-release`]);
    expect(s!.result.stdout).toBe("Red Hat Enterprise Linux Server release 7.9 (Maipo)\n");
  });
});

describe("times", () => {
  it("an init that ends by itself finished at its own time; created < started < finished", async () => {
    const host = containerHost("rhel9");
    const steps = await runLines(host, [
      `podman run -d --name a ${UBI7} sleep 5`,
      "sleep 30",
      "podman inspect a --format '{{.Created}} {{.State.StartedAt}} {{.State.FinishedAt}}'",
    ]);
    const [created, started, finished] = steps[2]!.result.stdout.trim().split(" ");
    for (const t of [created, started, finished]) expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(created! < started!).toBe(true);
    expect(Date.parse(finished!) - Date.parse(started!)).toBe(5000);
  });
});
