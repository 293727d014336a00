import { describe, expect, it } from "vitest";
import { verdictOn } from "./helpers.js";

const MERGED = `type: mount
title: the on-off-container's root file system is mounted on the host
container: on-off-container`;

describe("mount check", () => {
  it("finds the overlay merged dir of the container on real podman 4.3.1 output", async () => {
    const v = await verdictOn("debian12-podman-4.3.1", MERGED);
    expect(v.status).toBe("pass");
    expect(v.message).toBe(
      "the root file system of container on-off-container is mounted at /var/lib/containers/storage/overlay/0e3d0347bfe186bc58b3d8aaa85af9ce628af5cacb9dd3d14b78e59a3ac88940/merged",
    );
    expect(v.evidence).toMatch(/^overlay on .* type overlay \(rw,relatime,lowerdir=/);
  });

  it("fails when the container exists but nothing is mounted at its merged dir", async () => {
    const v = await verdictOn("debian12-podman-4.3.1", MERGED, { mount: { stdout: "proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\n" } });
    expect(v.status).toBe("fail");
    expect(v.message).toMatch(/^the root file system of container on-off-container is not mounted \(\/var\/lib\/containers\/storage\/overlay\/0e3d.*\/merged\)$/);
  });

  it("fails on a fresh host where the container doesn't exist", async () => {
    const v = await verdictOn("rhel7-fresh", MERGED);
    expect(v).toMatchObject({ status: "fail", message: "container on-off-container does not exist" });
  });

  it("reads the SELinux context= option of the overlay mount (RHEL 7)", async () => {
    const yaml = `${MERGED}\noptions: ['context="system_u:object_r:container_file_t:s0:c512,c941"']`;
    expect((await verdictOn("rhel7-after", yaml)).status).toBe("pass");
    const other = await verdictOn("rhel7-after", yaml.replace("c512,c941", "c1,c2"));
    expect(other.status).toBe("fail");
  });

  it("derives the merged dir from UpperDir when MergedDir is empty (a created container, podman 4.3.1)", async () => {
    const v = await verdictOn("rhel7-after", MERGED, {
      "podman container inspect on-off-container": {
        stdout: JSON.stringify([{ Id: "x", State: { Status: "created" }, GraphDriver: { Name: "overlay", Data: { MergedDir: "", UpperDir: "/var/lib/containers/storage/overlay/9d2e4f6a8c0b1d3e5f7a9c1b3d5e7f9a0c2e4b6d8f0a1c3e5b7d9f1a2c4e6b8d/diff" } } }]),
      },
    });
    expect(v.status).toBe("pass");
  });

  it("checks a container's bind mount and its options from inspect .Mounts", async () => {
    const yaml = `{type: mount, title: t, container: on-off-container, destination: /mnt, source: /tmp/rt/hostmnt, options: [rbind, rw]}`;
    expect((await verdictOn("debian12-podman-4.3.1", yaml)).status).toBe("pass");
    const ro = await verdictOn("debian12-podman-4.3.1", yaml.replace("rw]", "ro]"));
    expect(ro.message).toBe("/mnt in container on-off-container lacks option ro");
    const elsewhere = await verdictOn("debian12-podman-4.3.1", yaml.replace("/mnt,", "/data,"));
    expect(elsewhere.message).toBe("container on-off-container has no mount at /data");
  });

  it("matches host mount points by glob", async () => {
    const yaml = `{type: mount, title: t, path: "/var/lib/containers/storage/overlay/*/merged", fstype: overlay}`;
    expect((await verdictOn("debian12-podman-4.3.1", yaml)).status).toBe("pass");
    expect((await verdictOn("rhel7-fresh", yaml)).status).toBe("fail");
    const unmounted = `{type: mount, title: t, path: "/var/lib/containers/storage/overlay/*/merged", mounted: false}`;
    expect((await verdictOn("rhel7-fresh", unmounted)).status).toBe("pass");
    expect((await verdictOn("rhel7-after", unmounted)).status).toBe("fail");
  });
});
