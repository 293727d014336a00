// One sitting per lab: a live holder refuses a second, a dead one's lock is taken over.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockSession } from "../../../runner/session/session-lock.js";

const scratch = () => path.join(mkdtempSync(path.join(tmpdir(), "hostlab-lock-")), "sessions", "lab.json");

describe("lockSession", () => {
  it("refuses while another live process holds the lab, naming it", async () => {
    const state = scratch();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    try {
      await lockSession(state, "lab").then((l) => l.release()); // creates the folder
      writeFileSync(state.replace(/\.json$/, ".lock"), String(other.pid));
      await expect(lockSession(state, "lab")).rejects.toThrow(`lab is open in another hostlab (pid ${other.pid})`);
    } finally {
      other.kill();
    }
  });

  it("takes over the lock of a process that is gone, and releases it", async () => {
    const state = scratch();
    await lockSession(state, "lab").then((l) => l.release());
    writeFileSync(state.replace(/\.json$/, ".lock"), "999999999");
    const lock = await lockSession(state, "lab");
    expect(existsSync(state.replace(/\.json$/, ".lock"))).toBe(true);
    await lock.release();
    expect(existsSync(state.replace(/\.json$/, ".lock"))).toBe(false);
  });
});
