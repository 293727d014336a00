// lintCheckBlock: what `hostlab lint` reports about one check block, at absolute positions.
import { describe, expect, it } from "vitest";
import { lintCheckBlock } from "../../../checks/check.js";

const at = { file: "lab.md", line: 10, column: 1 };
const brief = (yaml: string) => lintCheckBlock(yaml, at).map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);

describe("lintCheckBlock", () => {
  it("is silent on a good block", () => {
    expect(brief("type: process\ntitle: t\ncommand: top\n")).toEqual([]);
  });

  it("reports spec errors as errors", () => {
    expect(brief("type: process\ntitle: t\n")).toEqual(["10:1 error name the processes with command, command-contains, command-matches or selinux-type"]);
  });

  it("locates a writing probe on its command, inside a sequence too", () => {
    expect(brief("- type: exit-code\n  title: ok\n  command: test -f /x\n- type: output\n  title: t\n  command: podman run --rm ubi true\n  contains: x\n")).toEqual([
      "15:12 error a check's probe must only read the host, but `podman run` changes containers or images: podman run --rm ubi true",
    ]);
  });

  it("warns about seccomp's probe: run, the documented exception", () => {
    expect(brief("type: seccomp\ntitle: t\ncommand: chmod 777 /etc/hosts\nprobe: run\nprofile: /root/p.json\nimage: ubi9\n")).toEqual([
      "13:8 warning this seccomp check runs a container on the graded host (the documented exception to read-only probes); prefer probe: observed",
    ]);
  });
});
