import { mkdtemp, readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProgress, progressPath, saveProgress, type Progress } from "../../../runner/state/progress-store.js";
import { stateDir } from "../../../runner/state/state-dir.js";

const sample: Progress = {
  version: 1,
  lab: { id: "container-hosts", path: "labs/container-hosts.md", hash: "abc" },
  seed: "42",
  host: "rhel9",
  target: "builtin",
  step: 1,
  commandIndex: 2,
  log: [{ step: 0, commandIndex: 0, command: "podman ps", exitCode: 0, verdict: "pass" }],
  checks: [],
  startedAt: "2026-11-30T07:00:00.000Z",
  updatedAt: "2026-11-30T07:01:00.000Z",
};

async function scratch() {
  return mkdtemp(join(tmpdir(), "hostlab-progress-"));
}

describe("progress store", () => {
  it("finds the state home from XDG_STATE_HOME, else ~/.local/state", () => {
    expect(stateDir({ XDG_STATE_HOME: "/x/state", HOME: "/home/s" })).toBe("/x/state/hostlab");
    expect(stateDir({ HOME: "/home/s" })).toBe("/home/s/.local/state/hostlab");
    expect(stateDir({ XDG_STATE_HOME: "relative", HOME: "/home/s" })).toBe("/home/s/.local/state/hostlab");
  });

  it("round-trips progress and leaves no temporary files behind", async () => {
    const dir = await scratch();
    const path = progressPath(dir, "container-hosts");
    await saveProgress(path, sample);
    await saveProgress(path, { ...sample, step: 2 });
    const loaded = await loadProgress(path);
    expect(loaded).toEqual({ kind: "loaded", progress: { ...sample, step: 2 } });
    expect(await readdir(dirname(path))).toEqual(["container-hosts.json"]);
  });

  it("says none when there is no saved progress", async () => {
    expect(await loadProgress(join(await scratch(), "nothing.json"))).toEqual({ kind: "none" });
  });

  it("moves a corrupt file aside and says why, never dropping it", async () => {
    const dir = await scratch();
    const path = progressPath(dir, "lab");
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, '{"version": 1, "lab": ');
    const result = await loadProgress(path, () => new Date("2026-11-30T08:00:00Z"));
    expect(result.kind).toBe("corrupt");
    if (result.kind !== "corrupt") return;
    expect(result.reason).toMatch(/not JSON/);
    expect(await readFile(result.movedTo, "utf8")).toBe('{"version": 1, "lab": ');
    expect(await loadProgress(path)).toEqual({ kind: "none" });
  });

  it("treats a file of the wrong shape as corrupt and names the field", async () => {
    const dir = await scratch();
    const path = progressPath(dir, "lab");
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify({ ...sample, step: "two" }));
    const result = await loadProgress(path);
    expect(result.kind === "corrupt" && result.reason).toMatch(/^step:/);
  });

  it("escapes lab ids that are not safe file names", () => {
    expect(progressPath("/s", "../etc/passwd")).toBe("/s/sessions/.._etc_passwd.json");
  });
});
