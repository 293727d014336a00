// A grader that was SIGKILLed leaves multiplexing masters behind; the next run stops those of dead graders only.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopStaleMasters } from "../../../../runner/targets/ssh/stale-masters.js";
import { sshdAvailable, startSshd, type SshdFleet } from "../../../support/sshd.js";

describe.skipIf(!sshdAvailable())("stale multiplexing masters", () => {
  let fleet: SshdFleet;
  beforeAll(async () => {
    fleet = await startSshd([{ name: "a" }]);
  }, 30_000);
  afterAll(async () => fleet?.stop());

  it("stops the masters of graders that are gone, and leaves a live grader's alone", async () => {
    const base = mkdtempSync(path.join(tmpdir(), "hostlab-stale-"));
    const deadPid = spawnSync("true").pid!; // ran and exited: no such process now
    const dead = path.join(base, `hostlab-ssh-${deadPid}-x`);
    const live = path.join(base, `hostlab-ssh-${process.pid}-y`);
    const socket = (dir: string) => path.join(dir, "a".repeat(40));
    for (const dir of [dead, live]) {
      mkdirSync(dir);
      // -f -N: a master in the background, as ControlPersist leaves one.
      execFileSync("ssh", [
        "-f", "-N", "-o", "BatchMode=yes", "-o", "ControlMaster=yes", "-o", "ControlPersist=60", "-S", socket(dir),
        "-i", fleet.identity, ...fleet.sshOptions.flatMap((o) => ["-o", o]), "-p", String(fleet.hosts[0].port), "-l", fleet.user, "127.0.0.1",
      ]);
      expect(existsSync(socket(dir))).toBe(true);
    }
    expect(await stopStaleMasters(base)).toBe(1);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(socket(live))).toBe(true);
    execFileSync("ssh", ["-S", socket(live), "-O", "exit", "x"], { stdio: "ignore" });
  });
});
