import { describe, expect, it } from "vitest";
import { verdictOn } from "./helpers.js";

const RUNNING = `type: container
title: the on-off-container runs
name: on-off-container
state: running
image: quay.io/fatherlinux/on-off-container`;

describe("container check", () => {
  it("reads state and image from the real podman 4.3.1 inspect JSON", async () => {
    const v = await verdictOn("debian12-podman-4.3.1", RUNNING);
    expect(v.status).toBe("pass");
    expect(v.evidence).toBe("on-off-container: state=running image=quay.io/fatherlinux/on-off-container:latest exit=0");
  });

  it("fails when the container is missing, in another state, or from another image", async () => {
    expect((await verdictOn("rhel7-fresh", RUNNING)).message).toBe("container on-off-container does not exist");
    const exited = await verdictOn("debian12-podman-4.3.1", RUNNING, {
      "podman container inspect on-off-container": { stdout: JSON.stringify([{ Name: "on-off-container", State: { Status: "exited", ExitCode: 137 }, ImageName: "quay.io/fatherlinux/on-off-container:latest" }]) },
    });
    expect(exited.message).toBe("container on-off-container is exited, not running");
    const image = await verdictOn("debian12-podman-4.3.1", RUNNING.replace("fatherlinux/on-off-container", "fatherlinux/other"));
    expect(image.status).toBe("fail");
  });

  it("treats podman 4.3.1's `stopped` as exited and checks the exit code", async () => {
    const stopped = { stdout: JSON.stringify([{ Name: "on-off-container", State: { Status: "stopped", ExitCode: 137 } }]) };
    const yaml = `{type: container, title: t, name: on-off-container, state: exited, exit-code: 137}`;
    expect((await verdictOn("rhel7-fresh", yaml, { "podman container inspect on-off-container": stopped })).status).toBe("pass");
    const zero = await verdictOn("rhel7-fresh", yaml.replace("137", "0"), { "podman container inspect on-off-container": stopped });
    expect(zero.message).toBe("container on-off-container exited with 137, not 0");
  });

  it("does not take an image of the same name for the container (plain inspect falls back to images)", async () => {
    const image = { stdout: JSON.stringify([{ Id: "826e2ee6645a", RepoTags: ["quay.io/fatherlinux/on-off-container:latest"] }]), exitCode: 0 };
    const v = await verdictOn("rhel7-fresh", RUNNING, { "podman container inspect on-off-container": image });
    expect(v).toMatchObject({ status: "fail", message: "container on-off-container does not exist" });
  });

  it("exists: false passes only once the container is gone", async () => {
    const yaml = `{type: container, title: removed, name: on-off-container, exists: false}`;
    expect((await verdictOn("rhel7-fresh", yaml)).status).toBe("pass");
    expect((await verdictOn("rhel7-after", yaml)).status).toBe("fail");
  });
});

describe("container check on a host whose engine can't answer", () => {
  it("is an error, not a student's fail, when the docker daemon is down", async () => {
    const v = await verdictOn("rhel7-fresh", `{type: container, title: t, name: web, engine: docker}`, {
      "docker --version": { stdout: "Docker version 28.2.2, build e6534b4\n", exitCode: 0 },
      "docker container inspect web": {
        stdout: "[]\n",
        stderr: "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n",
        exitCode: 1,
      },
    });
    expect(v).toMatchObject({ status: "error", message: "the docker daemon is not running on this host" });
  });
});
