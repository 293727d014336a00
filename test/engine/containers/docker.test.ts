/**
 * docker on both profiles: RHEL 7's docker 1.13 (dockerd-current, docker-containerd-current, one
 * docker-containerd-shim-current per container) and docker-ce on RHEL 9 (containerd-shim-runc-v2 under pid 1);
 * storage in /var/lib/docker/overlay2; docker's table layout and status texts.
 */
import { describe, expect, it } from "vitest";
import { containerHost, runLines } from "./host-helper.js";
import { engineState } from "../../../engine/containers/container.js";

describe("docker 1.13 on rhel7", async () => {
  const host = containerHost("rhel7");
  const steps = await runLines(host, [
    "docker run -td registry.access.redhat.com/ubi7/ubi top",
    "docker ps",
    "ps -ef | grep -v grep | grep docker-containerd",
    "docker run --name once registry.access.redhat.com/ubi7/ubi cat /etc/redhat-release",
    "docker ps -a",
    "docker images",
    "mount | grep overlay2",
    "docker version",
  ]);
  const out = (i: number) => steps[i]!.result.stdout;
  const c = Object.values(engineState(host, "docker").containers).find((x) => x.name !== "once")!;

  it("runs the container under a shim of docker-containerd-current", () => {
    expect(out(0)).toMatch(/^[0-9a-f]{64}\n$/);
    const lines = out(2).trim().split("\n");
    const containerd = lines.find((l) => / \/usr\/bin\/docker-containerd-current /.test(l))!;
    const shim = lines.find((l) => l.includes(`/usr/bin/docker-containerd-shim-current ${c.id} /var/run/docker/libcontainerd/${c.id} /usr/libexec/docker/docker-runc-current`))!;
    expect(containerd).toBeDefined();
    expect(shim).toBeDefined();
    const pid = (l: string) => l.trim().split(/\s+/)[1];
    const ppid = (l: string) => l.trim().split(/\s+/)[2];
    expect(ppid(shim)).toBe(pid(containerd));
    const init = host.tasks.byPid[c.pid!]!;
    expect(String(init.ppid)).toBe(pid(shim));
    expect(init.cgroup).toBe(`/system.slice/docker-${c.id}.scope`);
    expect(init.label).toMatch(/^system_u:system_r:container_t:s0:c\d+,c\d+$/);
  });

  it("prints docker's tables", () => {
    expect(out(1)).toMatch(/^CONTAINER ID {8}IMAGE +COMMAND {13}CREATED {13}STATUS {14}PORTS {15}NAMES\n/);
    expect(out(1)).toMatch(/^[0-9a-f]{12} {8}registry\.access\.redhat\.com\/ubi7\/ubi +"top" +\d+ seconds? ago +Up \d+ seconds? +\w+_\w+\n$/m);
    expect(out(3)).toBe("Red Hat Enterprise Linux Server release 7.9 (Maipo)\n");
    expect(out(4)).toMatch(/"cat \/etc\/redhat-r\.\.\." +.* ago +Exited \(0\) \S+ (\S+ )?ago +once\n/);
    expect(out(5)).toMatch(/^REPOSITORY +TAG {17}IMAGE ID {12}CREATED {13}SIZE\n/);
    expect(out(5)).toContain("215 MB");
  });

  it("keeps its layers in /var/lib/docker/overlay2", () => {
    expect(out(6)).toMatch(new RegExp(`^overlay on /var/lib/docker/overlay2/${c.layerId}/merged type overlay \\(rw,relatime,context="system_u:object_r:container_file_t:s0:c\\d+,c\\d+",lowerdir=/var/lib/docker/overlay2/l/[A-Z2-7]{26},upperdir=/var/lib/docker/overlay2/${c.layerId}/diff,workdir=/var/lib/docker/overlay2/${c.layerId}/work\\)$`, "m"));
  });

  it("reports RHEL's docker 1.13 package", () => {
    expect(out(7)).toContain(" Version:         1.13.1\n");
    expect(out(7)).toContain("Server:\n");
  });
});

describe("docker-ce on rhel9", async () => {
  const host = containerHost("rhel9");
  const steps = await runLines(host, ["docker run -d busybox sleep 30", "ps -ef | grep -v grep | grep containerd-shim", "docker ps", "docker rm -f $(docker ps -q)", "docker ps -a"]);
  const out = (i: number) => steps[i]!.result.stdout;

  it("pulls from docker.io and runs under containerd-shim-runc-v2 (parent pid 1)", () => {
    expect(steps[0]!.result.stderr).toMatch(/^Unable to find image 'busybox:latest' locally\nlatest: Pulling from library\/busybox\n[0-9a-f]{12}: Pull complete \nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for busybox:latest\n$/);
    const shim = out(1).trim().split("\n")[0]!.trim().split(/\s+/);
    expect(shim[2]).toBe("1");
    expect(shim.slice(7, 9)).toEqual(["/usr/bin/containerd-shim-runc-v2", "-namespace"]);
  });

  it("shows Up without 'ago' and removes with -f", () => {
    expect(out(2)).toMatch(/ Up \d+ seconds? +\w+_\w+\n$/);
    expect(out(3)).toMatch(/^[0-9a-f]{12}\n$/);
    expect(out(4)).toBe("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
  });
});
