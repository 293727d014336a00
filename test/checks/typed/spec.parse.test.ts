// parseCheckSpec: YAML check blocks → validated checks, or errors at absolute positions in the Markdown file.
import { describe, expect, it } from "vitest";
import { parseCheckSpec } from "../../../checks/check.js";

const at = { file: "labs/container-hosts.md", line: 40, column: 1 };

function errors(yaml: string, origin = at): string[] {
  const r = parseCheckSpec(yaml, origin);
  return "errors" in r ? r.errors.map((e) => `${e.line}:${e.column} ${e.message}`) : [];
}

describe("parseCheckSpec", () => {
  it("reads one check with defaults for the common fields", () => {
    const r = parseCheckSpec("type: process\ntitle: top runs\ncommand: top\n", at);
    expect(r).toEqual({
      checks: [
        {
          type: "process",
          spec: { type: "process", title: "top runs", command: "top", points: 1, hidden: false, requires: [], running: true },
          origin: { ...at, line: 40, column: 1 },
        },
      ],
    });
  });

  it("reads a sequence of checks, each with its own position", () => {
    const r = parseCheckSpec("- type: process\n  title: a\n  command: top\n- type: file\n  title: b\n  path: /etc/hosts\n", at);
    if (!("checks" in r)) throw new Error("expected checks");
    expect(r.checks.map((c) => [c.type, c.origin.line, c.origin.column])).toEqual([["process", 40, 3], ["file", 43, 3]]);
  });

  it("hides every check of a hidden block", () => {
    const r = parseCheckSpec("type: process\ntitle: a\ncommand: top\n", { ...at, hidden: true });
    expect("checks" in r && r.checks[0].spec.hidden).toBe(true);
  });

  it("locates an unknown field on its key, with a suggestion", () => {
    expect(errors("type: process\ntitle: a\ncomand: top\n")).toEqual(['42:1 unknown field "comand" for a process check (did you mean "command"?)']);
  });

  it("locates a bad value on the value", () => {
    expect(errors("type: process\ntitle: a\ncommand: top\npoints: lots\n")).toEqual(["43:9 points: Invalid input: expected number, received string"]);
    expect(errors("type: container\ntitle: a\nname: web\nstate: sleeping\n")[0]).toMatch(/^43:8 state: Invalid option/);
  });

  it("names missing required fields and unknown types", () => {
    expect(errors("type: process\ncommand: top\n")).toEqual(["40:1 title: required for a process check"]);
    expect(errors("type: proces\ntitle: a\n")[0]).toBe(
      '40:7 unknown check type "proces" (did you mean "process"?); known: process, process-label, file-label, mount, seccomp, cgroup-limit, namespace, container, file, output, exit-code',
    );
    expect(errors("title: a\n")[0]).toMatch(/^40:1 a check needs a type: one of process, /);
  });

  it("reports cross-field rules (validate) and refused regexes", () => {
    expect(errors("type: process\ntitle: a\n")).toEqual(["40:1 name the processes with command, command-contains, command-matches or selinux-type"]);
    expect(errors("type: process\ntitle: a\ncommand-matches: '(a+)+$'\n")).toEqual([
      "42:18 a repeated group contains a repetition or alternatives (like (a+)+ or (a|b)+): it could run for ages on hostile output",
    ]);
    expect(errors("type: output\ntitle: a\ncommand: cat /x\njson: {path: 'State.x', equals: 1}\n")[0]).toMatch(/^43:14 cannot read the JSON path/);
  });

  it("maps the first line's column when the YAML starts mid-line (a <!-- check … --> comment)", () => {
    expect(errors("type: proces\n", { ...at, column: 12 })[0]).toMatch(/^40:18 unknown check type/);
  });

  it("reports YAML syntax errors and an empty block with positions", () => {
    expect(errors("type: [process\n")[0]).toMatch(/^4\d:\d+ YAML: /);
    expect(errors("")).toEqual(["40:1 the check block is empty"]);
    expect(errors("- 1\n- type: file\n  title: x\n  path: /a\n")).toEqual(["40:3 a check is a mapping of fields, e.g. `type: process` and `title: …`"]);
  });

  it("rejects relative paths and bad container names", () => {
    expect(errors("type: file\ntitle: a\npath: etc/hosts\n")).toEqual(["42:7 path: a path must be absolute (start with /)"]);
    expect(errors("type: container\ntitle: a\nname: 'x; rm -rf /'\n")[0]).toMatch(/^42:7 name: a container is named by/);
  });
});

describe("describeVerdict and checkName", () => {
  it("print report lines and names", async () => {
    const { describeVerdict, checkName } = await import("../../../checks/check.js");
    const base = { points: 0, maxPoints: 1, evidence: "" };
    expect(describeVerdict({ ...base, status: "not-applicable", message: "SELinux is disabled on this host" })).toBe(
      "not applicable: SELinux is disabled on this host",
    );
    expect(describeVerdict({ ...base, status: "fail", message: "x" })).toBe("fail: x");
    const r = parseCheckSpec("- {type: process, title: top runs, command: top}\n- {type: process, id: tops, title: t, command: top}\n", at);
    if (!("checks" in r)) throw new Error("parse");
    expect(r.checks.map(checkName)).toEqual(["top runs", "tops"]);
  });
});
