/** Image references, the registry catalogue (stable digests), and the generated root filesystems. */
import { describe, expect, it } from "vitest";
import { formatImageRef, normalizeDocker, parseImageRef, resolvePodmanRef } from "../../../engine/containers/images/reference.js";
import { CATALOGUE, imageId, manifestDigest, queryRegistry } from "../../../engine/containers/images/catalogue.js";
import { rootfsEntries } from "../../../engine/containers/images/rootfs.js";
import { sha256Hex } from "../../../engine/containers/images/digest.js";
import { containerHost, runLines } from "./host-helper.js";

describe("references", () => {
  it("parse and normalise as docker/distribution does", () => {
    expect(parseImageRef("registry.access.redhat.com/ubi7/ubi")).toEqual({ registry: "registry.access.redhat.com", repository: "ubi7/ubi", tag: "latest" });
    expect(parseImageRef("ubi7/ubi:7.9")).toEqual({ registry: "", repository: "ubi7/ubi", tag: "7.9" });
    expect(parseImageRef("localhost:5000/x")).toEqual({ registry: "localhost:5000", repository: "x", tag: "latest" });
    expect(formatImageRef(normalizeDocker(parseImageRef("busybox")!))).toBe("docker.io/library/busybox:latest");
    for (const bad of ["", "UPPER/case", "a//b", "x:", ":tag", "a:b:c", "x@sha256:123", "-x"]) expect(parseImageRef(bad), bad).toBeUndefined();
  });

  it("podman short names: 1.x searches, 4.x aliases or refuses", () => {
    const search = { searchRegistries: ["registry.access.redhat.com", "docker.io"], aliases: {}, aliasFile: "", enforcing: false };
    expect(resolvePodmanRef(parseImageRef("busybox")!, search)).toMatchObject({ kind: "search", candidates: [{ registry: "registry.access.redhat.com", repository: "busybox" }, { registry: "docker.io", repository: "library/busybox" }] });
    const enforcing = { ...search, aliases: { busybox: "docker.io/library/busybox" }, aliasFile: "/x.conf", enforcing: true };
    expect(resolvePodmanRef(parseImageRef("busybox")!, enforcing)).toMatchObject({ kind: "alias", candidates: [{ registry: "docker.io", repository: "library/busybox" }] });
    expect(resolvePodmanRef(parseImageRef("ubi")!, enforcing).kind).toBe("refused");
  });
});

describe("catalogue", () => {
  it("holds the lab's images with real-looking, stable digests", () => {
    for (const name of ["registry.access.redhat.com/ubi7/ubi", "registry.access.redhat.com/ubi8/ubi", "registry.access.redhat.com/ubi9/ubi", "quay.io/fatherlinux/on-off-container", "docker.io/library/fedora", "docker.io/library/busybox", "docker.io/library/alpine"]) {
      const a = queryRegistry(parseImageRef(name)!);
      expect(a.kind, name).toBe("found");
    }
    const ubi7 = CATALOGUE[0]!;
    expect(imageId(ubi7, "latest")).toMatch(/^[0-9a-f]{64}$/);
    expect(manifestDigest(ubi7, "latest")).toMatch(/^sha256:[0-9a-f]{64}$/);
    // pinned: a change of the catalogue data changes what labs and transcripts show
    expect(imageId(ubi7, "latest")).toBe(imageId(ubi7, "7.9"));
    expect(new Set(CATALOGUE.map((i) => imageId(i, "latest"))).size).toBe(CATALOGUE.length - 1); // fedora on two registries
  });

  it("sha256 is the real one", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("é".repeat(100))).toHaveLength(64);
  });

  it("answers unknown hosts, repositories and tags as the registries do", () => {
    expect(queryRegistry(parseImageRef("registry-access.redhat.com/ubi7/ubi")!)).toEqual({ kind: "no-such-host", host: "registry-access.redhat.com" });
    expect(queryRegistry(parseImageRef("registry.access.redhat.com/nope")!)).toEqual({ kind: "no-repo", message: "name unknown: Repo not found" });
    expect(queryRegistry(parseImageRef("docker.io/library/busybox:nope")!)).toEqual({ kind: "no-tag", message: "manifest unknown" });
  });
});

describe("root filesystems", () => {
  it("ubi7's / is what the notes list", async () => {
    const top = rootfsEntries("rhel7").filter((e) => /^\/[^/]+$/.test(e.path)).map((e) => e.path.slice(1)).sort();
    expect(top.join(" ")).toBe("bin boot dev etc home lib lib64 media mnt opt proc root run sbin srv sys tmp usr var");
  });

  it("each image has its distro's os-release, hosts and passwd", async () => {
    const host = containerHost("rhel9");
    const steps = await runLines(host, [
      "podman run --rm registry.access.redhat.com/ubi8/ubi cat /etc/os-release",
      "podman run --rm docker.io/library/alpine cat /etc/os-release",
      "podman run --rm docker.io/library/fedora head -1 /etc/os-release",
      "podman run --rm registry.access.redhat.com/ubi7/ubi head -1 /etc/passwd",
      "podman run --rm docker.io/library/busybox ls /bin/busybox",
    ]);
    expect(steps[0]!.result.stdout).toContain('PRETTY_NAME="Red Hat Enterprise Linux 8.10 (Ootpa)"');
    expect(steps[1]!.result.stdout).toContain('PRETTY_NAME="Alpine Linux v3.21"');
    expect(steps[2]!.result.stdout).toBe('NAME="Fedora Linux"\n');
    expect(steps[3]!.result.stdout).toBe("root:x:0:0:root:/root:/bin/bash\n");
    expect(steps[4]!.result.stdout).toBe("/bin/busybox\n");
  });

  it("exec of a program the image lacks fails as podman does", async () => {
    const host = containerHost("rhel9");
    const steps = await runLines(host, ["podman run -d --name a docker.io/library/alpine sleep 1000", "podman exec -it a bash"]);
    expect(steps[1]!.result.stderr).toBe("Error: crun: executable file `bash` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found\n");
    expect(steps[1]!.result.exitCode).toBe(127);
  });
});
