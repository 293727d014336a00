// The checks proposed for labs/container-hosts.md (docs/checks.md, "Checks for container-hosts") are read from
// the doc itself, so what the lead pastes is what was tested: each must fail on a fresh RHEL host and pass on a
// host after the lab's steps, and lint must accept it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintCheckBlock, parseCheckSpec } from "../../checks/check.js";
import { selfTestCheck } from "../../checks/self-test.js";
import { fixtureHost } from "./typed/fixture-host.js";

const doc = readFileSync(fileURLToPath(new URL("../../docs/checks.md", import.meta.url)), "utf8");
const section = doc.slice(doc.indexOf("## Checks for container-hosts"));
const blocks = [...section.matchAll(/^```check\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

describe("checks proposed for container-hosts", () => {
  it("are all there", () => {
    expect(blocks.length).toBe(8);
  });

  for (const yaml of blocks) {
    const id = /^id: (.*)$/m.exec(yaml)?.[1] ?? "?";
    it(`${id}: lints clean, fails before its step, passes after`, async () => {
      expect(lintCheckBlock(yaml, { file: "labs/container-hosts.md", line: 1, column: 1 })).toEqual([]);
      const parsed = parseCheckSpec(yaml, { file: "labs/container-hosts.md", line: 1, column: 1 });
      if (!("checks" in parsed)) throw new Error(JSON.stringify(parsed.errors));
      const result = await selfTestCheck(parsed.checks[0], { before: fixtureHost("rhel7-fresh"), after: fixtureHost("rhel7-after") });
      expect(result.problems).toEqual([]);
      expect([result.before.status, result.after.status]).toEqual(["fail", "pass"]);
    });
  }

  it("the SELinux ones are not applicable on the real Debian podman host (no SELinux)", async () => {
    for (const yaml of blocks.filter((b) => /process-label|file-label/.test(b))) {
      const parsed = parseCheckSpec(yaml, { file: "x", line: 1, column: 1 });
      if (!("checks" in parsed)) throw new Error("parse");
      const r = await selfTestCheck(parsed.checks[0], { before: fixtureHost("debian12-podman-4.3.1"), after: fixtureHost("debian12-podman-4.3.1") });
      expect(r.after).toMatchObject({ status: "not-applicable", message: "SELinux is disabled on this host" });
    }
  });
});
