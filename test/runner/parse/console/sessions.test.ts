// Which commands open a nested shell session, and which leave one.
import { describe, expect, it } from "vitest";
import { detectShellOpening, isExit } from "../../../../runner/parse/console/sessions.js";

describe("shell sessions", () => {
  it.each([
    ["podman exec -it on-off-container bash", { via: "podman", container: "on-off-container", shell: "bash" }],
    ["podman exec -ti web /bin/sh", { via: "podman", container: "web", shell: "/bin/sh" }],
    ["podman exec -i -t --user root web bash -l", { via: "podman", container: "web", shell: "bash" }],
    ["sudo docker exec -it web bash", { via: "docker", container: "web", shell: "bash" }],
    ["podman run -it --rm -v /a:/b:Z registry.access.redhat.com/ubi9/ubi bash", { via: "podman", container: "registry.access.redhat.com/ubi9/ubi", shell: "bash" }],
    ["docker run -it ubuntu /bin/bash", { via: "docker", container: "ubuntu", shell: "/bin/bash" }],
    ["podman container exec -it web sh", { via: "podman", container: "web", shell: "sh" }],
    ["podman exec -itl bash", { via: "podman", container: null, shell: "bash" }],
    ["bash", { via: "shell", container: null, shell: "bash" }],
    ["sh -l", { via: "shell", container: null, shell: "sh" }],
  ])("%s opens a session", (command, expected) => {
    expect(detectShellOpening(command)).toEqual(expected);
  });

  it.each([
    "podman run -it --security-opt seccomp=./chmod.json ubi chmod 777 /etc/hosts",
    "podman exec -t web bash",
    "podman exec -it web bash -c 'ls /'",
    "podman run -it ubi",
    "podman run -d ubi bash",
    "bash script.sh",
    "bash -c 'echo hi'",
    "podman exec -it web bash | tee log",
    "podman ps",
    "ls",
  ])("%s opens none", (command) => {
    expect(detectShellOpening(command)).toBeNull();
  });

  it("exit, exit 1 and logout leave a session", () => {
    expect(["exit", "exit 1", "logout", "  exit  "].every(isExit)).toBe(true);
    expect(isExit("exitcode")).toBe(false);
  });
});
