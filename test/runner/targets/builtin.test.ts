import { describe, expect, it } from "vitest";
import { createBuiltinTarget } from "../../../runner/targets/builtin.js";

const lab = [
  "podman run -d registry.access.redhat.com/ubi9/ubi sleep 600",
  "podman run -d registry.access.redhat.com/ubi9/ubi sleep 600",
  "ps -efZ | grep 'sleep 600' | grep -v grep",
];

async function play(probeBetween: boolean): Promise<string> {
  const target = createBuiltinTarget({ seed: 11, profile: "rhel9" });
  let out = "";
  for (const line of lab) {
    out += (await target.run(line)).stdout;
    if (probeBetween) await target.probe("ps -efZ; podman ps -a; cat /proc/self/status");
  }
  return out;
}

describe("builtin target", () => {
  it("prints the same bytes whether or not checks probed the host in between", async () => {
    expect(await play(true)).toBe(await play(false));
  });

  it("probes see the state the student's commands made, and leave the session's cwd alone", async () => {
    const target = createBuiltinTarget({ seed: 3 });
    await target.run("mkdir -p /srv/x && cd /srv/x && touch made-here");
    const probe = await target.probe("ls /srv/x; pwd");
    expect(probe.stdout).toBe("made-here\n/root\n");
    expect((await target.run("pwd")).stdout).toBe("/srv/x\n");
    await target.writeFile("notes/a.txt", "hello\n");
    expect((await target.probe("cat /srv/x/notes/a.txt")).stdout).toBe("hello\n");
  });
});
