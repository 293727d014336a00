// The course's own labs must lint clean (no errors, no warnings), and the first lab must keep the shape the rest of
// hostlab relies on: the seccomp profile as a file, a nested session that is closed, every seed topic as a step.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintLab } from "../../../runner/lint/index.js";
import { listCommands, walkBlocks } from "../../../runner/model/walk.js";
import { parseLab } from "../../../runner/parse/index.js";

const labsDir = path.resolve(import.meta.dirname, "../../../labs");
const labFiles = readdirSync(labsDir).filter((f) => f.endsWith(".md"));
const load = (f: string) => parseLab(readFileSync(path.join(labsDir, f), "utf8"), `labs/${f}`);

describe("the course's labs", () => {
  it.each(labFiles)("%s lints clean", (f) => {
    expect(lintLab(load(f))).toEqual([]);
  });

  it("container-hosts covers the seed's topics with a closed session and the profile as a file", () => {
    const lab = load("container-hosts.md");
    expect(lab.meta).toMatchObject({ id: "container-hosts", host: "rhel9" });
    expect(lab.steps.map((s) => s.title)).toEqual([
      "Container engines and the Linux kernel",
      "Creating a container step by step",
      "SELinux and sVirt: labels made up on the fly",
      "Cgroups",
      "Seccomp",
      "Wrapping up",
    ]);
    expect(lab.steps[1].tasks).toHaveLength(3);
    expect(lab.sessions).toEqual([expect.objectContaining({ container: "on-off-container", closedAt: expect.anything() })]);
    const files = [...walkBlocks(lab)].flatMap((v) => (v.block.kind === "file" ? [v.block] : []));
    expect(files.map((f) => f.path)).toEqual(["profiles/no-chmod.json"]);
    expect(JSON.parse(files[0].content).syscalls[0].names).toContain("fchmodat");
    expect(listCommands(lab).some((c) => c.command.startsWith("podman create -t "))).toBe(true);
  });

  it("container-hosts gates every lesson with a check, and destroys nothing a grader needs", () => {
    const lab = load("container-hosts.md");
    const checks = [...walkBlocks(lab)].filter((v) => v.block.kind === "check");
    expect(checks.map((v) => v.step?.title)).toEqual([
      "Container engines and the Linux kernel",
      "Creating a container step by step",
      "Creating a container step by step",
      "SELinux and sVirt: labels made up on the fly",
      "SELinux and sVirt: labels made up on the fly",
      "Cgroups",
      "Seccomp",
    ]);
    expect(listCommands(lab).filter((c) => /\b(rm|kill)\b.*(-a|\$\()/.test(c.command))).toEqual([]);
  });
});
