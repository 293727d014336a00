import { describe, expect, it } from "vitest";
import { programOf, splitWords } from "../../../checks/transcript/command.js";
import { ruleFor } from "../../../checks/transcript/tables/index.js";

describe("the program that prints a command's output", () => {
  it.each([
    ['ps -efZ | grep -v grep | grep " top"', "ps", ["-efZ"]],
    ["sudo ps aux", "ps", ["aux"]],
    ["$ LANG=C ls -lisah /mnt", "ls", ["-lisah", "/mnt"]],
    ["podman exec -it on-off-container ls -lisah /mnt", "ls", ["-lisah", "/mnt"]],
    ["podman run -t -v /tmp/selinux-test:/tmp/selinux-test:Z registry.access.redhat.com/ubi7/ubi ls -alhZ /tmp/selinux-test", "ls", ["-alhZ", "/tmp/selinux-test"]],
    ["podman run -dt registry.access.redhat.com/ubi7/ubi sleep 10", "sleep", ["10"]],
    ["podman exec -it on-off-container bash", "bash", []],
    ["bash -c 'df -h /'", "df", ["-h", "/"]],
    ["cd /tmp && podman ps -a", "podman", ["ps", "-a"]],
    ["docker ps || true", "docker", ["ps"]],
    ["/usr/bin/free -m", "free", ["-m"]],
  ])("%s → %s", (command, program, args) => {
    expect(programOf(command)).toEqual({ program, args });
  });

  it("splits words with quotes and backslashes", () => {
    expect(splitWords(`grep -E 'conmon|top' "a b" c\\ d`)).toEqual(["grep", "-E", "conmon|top", "a b", "c d"]);
  });

  it.each([
    ["ps -efZ | grep top", "ps"],
    ["ls -alhZ /tmp", "ls"],
    ["ls /tmp", undefined],
    ["podman ps -a", "podman ps"],
    ["podman container ls", "podman container ls"],
    ["docker images", "docker images"],
    ["podman top on-off-container", "podman top"],
    ["podman mount on-off-container", undefined],
    ["df -h", "df"],
    ["free -m", "free"],
    ["echo hi", undefined],
    ["", undefined],
  ])("table rule for %s → %s", (command, name) => {
    expect(ruleFor(command)?.name).toBe(name);
  });
});
