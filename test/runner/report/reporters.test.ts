import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { toJUnit } from "../../../runner/report/junit.js";
import { toTap } from "../../../runner/report/tap.js";
import { labPassed, totals, type LabOutcome } from "../../../runner/report/results.js";

const lab = (over: Partial<LabOutcome> = {}): LabOutcome => ({
  id: "container-hosts",
  path: "labs/container-hosts.md",
  title: "Container hosts",
  durationMs: 1234,
  errors: [],
  steps: [
    {
      title: "Engines & the kernel",
      line: 10,
      commands: [
        { command: "podman run -d ubi9 top", line: 14, status: "pass", exitCode: 0, diff: "", durationMs: 3 },
        {
          command: 'ps -efZ | grep " top"',
          line: 15,
          status: "fail",
          exitCode: 0,
          diff: "- system_u <expected>\n+ \x1b[31mactual\x1b[0m & \x07bell",
          durationMs: 2,
        },
      ],
      checks: [
        { id: "mcs", title: "distinct MCS pairs", line: 20, status: "pass", points: 2, maxPoints: 2, message: "" },
        { id: "se", title: "SELinux labels", line: 22, status: "not-applicable", points: 0, maxPoints: 1, message: "not applicable: SELinux is disabled on this host" },
      ],
    },
  ],
  ...over,
});

describe("result totals", () => {
  it("counts passes, failures and skips, and a lab with a failure has not passed", () => {
    expect(totals([lab()])).toEqual({ labs: 1, passed: 2, failed: 1, skipped: 1, errors: 0 });
    expect(labPassed(lab())).toBe(false);
    expect(labPassed(lab({ steps: [{ ...lab().steps[0], commands: [lab().steps[0].commands[0]] }] }))).toBe(true);
  });
});

describe("JUnit reporter", () => {
  it("writes well-formed XML with a testcase per command and check, even for hostile output", () => {
    const xml = toJUnit([lab(), lab({ id: 'we"ird<lab>', errors: [{ line: 3, message: "check 'x' cannot fail" }] })]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites).toHaveLength(2);
    expect(suites[0].name).toBe("container-hosts");
    expect(suites[0].tests).toBe("4");
    expect(suites[0].failures).toBe("1");
    expect(suites[0].skipped).toBe("1");
    const failing = suites[0].testcase.find((c: { failure?: unknown }) => c.failure);
    expect(failing.name).toBe('Engines & the kernel › ps -efZ | grep " top"');
    expect(failing.line).toBe("15");
    expect(suites[1].name).toBe('we"ird<lab>');
    expect(suites[1].errors).toBe("1");
  });
});

describe("TAP reporter", () => {
  it("writes a TAP 14 stream with a subtest per lab and diagnostics for failures", () => {
    const tap = toTap([lab()]);
    const lines = tap.split("\n");
    expect(lines[0]).toBe("TAP version 14");
    expect(lines[1]).toBe("1..1");
    expect(tap).toContain("    ok 1 - Engines & the kernel › podman run -d ubi9 top");
    expect(tap).toContain('    not ok 2 - Engines & the kernel › ps -efZ | grep " top"');
    expect(tap).toContain("    ok 4 - Engines & the kernel › check: SELinux labels # SKIP not applicable: SELinux is disabled on this host");
    expect(tap).not.toContain("\x1b[");
    expect(lines.at(-2)).toBe("not ok 1 - container-hosts");
  });
});
