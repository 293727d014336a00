// Output from hosts is untrusted: huge, binary, ANSI-laden, truncated. Every check type must answer with a
// verdict — never throw, never hang.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCheckSpec, runCheck, runChecks, type Check } from "../../../checks/check.js";
import { constantHost } from "./helpers.js";

const ALL = `
- {type: process, title: t, command: top, count: 3}
- {type: process-label, title: t, command: top, selinux-type: container_t, distinct-mcs: true}
- {type: file-label, title: t, path: /tmp/selinux-test, same-mcs-as: {container: last}}
- {type: mount, title: t, container: on-off-container}
- {type: mount, title: t, container: c, destination: /mnt, options: [rbind]}
- {type: mount, title: t, path: "/var/lib/*/merged"}
- {type: seccomp, title: t, command: chmod 777 /etc/hosts}
- {type: cgroup-limit, title: t, container: c, memory: 42m, cpus: 0.5, pids: 10}
- {type: namespace, title: t, namespace: net, between: [host, c], shared: false}
- {type: container, title: t, name: c, state: running, image: ubi7}
- {type: file, title: t, path: /etc/hosts, mode: "644", owner: root, contains: x, matches: "^a.*b$"}
- {type: output, title: t, command: cat /x, contains: x, matches: "^[ab]+$", json: {path: ".a[0].b", equals: 1}}
- {type: exit-code, title: t, command: "true"}`;

const parsed = parseCheckSpec(ALL, { file: "x.md", line: 1, column: 1 });
if ("errors" in parsed) throw new Error(JSON.stringify(parsed.errors));
const checks: Check[] = parsed.checks;

const HOSTILE: Record<string, string> = {
  empty: "",
  huge: "x".repeat(5 << 20),
  "long lines": ("a".repeat(200_000) + "\n").repeat(20),
  binary: Array.from({ length: 4096 }, (_, i) => String.fromCharCode(i % 256)).join(""),
  ansi: "\x1b[2J\x1b[H\x1b[1;31mLABEL UID PID\x1b[0m\r\n\x1b]0;pwned\x07system_u:system_r:container_t:s0:c1,c2 root 1 0 0 00:00 ? 00:00:00 top\r\n",
  "missing columns": "LABEL UID PID PPID C STIME TTY TIME CMD\nsystem_u:system_r:container_t:s0:c1,c2 root\n- root 12\n",
  "json bombs": "[" + "[".repeat(5000) + "]".repeat(5000) + "]",
  "backtracking bait": "a".repeat(50_000) + "!",
  "null json": "null",
  "fake podman": '[{"State": null, "GraphDriver": {"Data": 5}, "Mounts": "nope", "Config": {"Cmd": 7}}]',
};

describe("hostile probe output", () => {
  it("parses the list of every check type", () => expect(checks).toHaveLength(13));

  for (const [name, stdout] of Object.entries(HOSTILE)) {
    it(`gives every check a verdict on ${name} output`, async () => {
      for (const exitCode of [0, 1, 127]) {
        const verdicts = await runChecks(checks, constantHost({ stdout, stderr: stdout.slice(0, 1000), exitCode }));
        for (const v of verdicts) {
          expect(["pass", "fail", "not-applicable", "error"]).toContain(v.status);
          expect(v.evidence.length).toBeLessThan(800);
        }
      }
    });
  }

  it("never passes a check on output that says nothing (empty answers)", async () => {
    const verdicts = await runChecks(checks.filter((c) => c.type !== "exit-code"), constantHost({ stdout: "", stderr: "", exitCode: 0 }));
    expect(verdicts.filter((v) => v.status === "pass")).toEqual([]);
  });

  it("survives arbitrary strings (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 2000 }), fc.integer({ min: -1, max: 255 }), async (stdout, exitCode) => {
        for (const check of checks) {
          const v = await runCheck(check, constantHost({ stdout, stderr: stdout, exitCode }));
          expect(typeof v.message).toBe("string");
        }
      }),
      { numRuns: 60 },
    );
  });

  it("survives a target that throws", async () => {
    const verdicts = await runChecks(checks, async () => {
      throw new Error("connection reset");
    });
    expect(new Set(verdicts.map((v) => v.status))).toEqual(new Set(["error"]));
  });
});

describe("hostile check blocks", () => {
  const origin = { file: "x.md", line: 1, column: 1 };
  it.each([
    ["an alias bomb", 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntype: process\n'],
    ["deep nesting", "type: process\ntitle: t\ncommand: " + "[".repeat(20000) + "]".repeat(20000) + "\n"],
    ["a huge block", "type: process\ntitle: t\ncommand: top\n#" + "x".repeat(100_000) + "\n"],
    ["binary", Array.from({ length: 2000 }, (_, i) => String.fromCharCode(i % 256)).join("")],
    ["several documents", "type: process\n---\ntype: file\n"],
  ])("%s gives located errors, never a throw", (_, yaml) => {
    const r = parseCheckSpec(yaml, origin);
    expect("errors" in r && r.errors.length).toBeGreaterThan(0);
  });
});

describe("hand-built checks the parser never saw", () => {
  it("get an error verdict instead of a throw", async () => {
    const spec = { title: "t", points: 1, hidden: false, requires: [] };
    const origin = { file: "x", line: 1, column: 1 };
    const host = constantHost({ stdout: "", stderr: "", exitCode: 0 });
    expect((await runCheck({ type: "nope", spec, origin }, host)).status).toBe("error");
    expect((await runCheck({ type: "file", spec, origin }, host)).status).toBe("error");
  });
});
