// The check-spec rule: check blocks of a lab validated against the check vocabulary, findings on the lab's lines.
import { describe, expect, it } from "vitest";
import { lintLab } from "../../../../runner/lint/index.js";
import { checkSpec } from "../../../../runner/lint/rules/checks.js";
import { parseLab } from "../../../../runner/parse/index.js";

function lint(...lines: string[]): string[] {
  const lab = parseLab(["# Lab", ...lines, ""].join("\n"), "lab.md");
  return lintLab(lab, [checkSpec]).map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);
}

describe("check-spec lint rule", () => {
  it("accepts a valid fenced check and a valid hidden comment check", () => {
    expect(lint("## S", "```check", "type: process", "title: top runs", "command: top", "```", "<!-- check", "type: container", "title: t", "name: web", "-->")).toEqual([]);
  });

  it("places a misspelt field on its own line, with a suggestion", () => {
    expect(lint("## S", "```check", "type: process", "title: top runs", "comand: top", "```")).toEqual([
      '6:1 error unknown field "comand" for a process check (did you mean "command"?)',
    ]);
  });

  it("rejects a probe that changes the host", () => {
    const found = lint("## S", "```check", "type: output", "title: t", "command: rm -rf /tmp/x", "contains: x", "```");
    expect(found).toEqual(["6:10 error a check's probe must only read the host, but `rm` changes the host: rm -rf /tmp/x"]);
  });

  it("leaves YAML syntax errors to check-yaml", () => {
    expect(lint("## S", "```check", "type: [process", "```")).toEqual([]);
  });

  it("rejects a check id used twice in a lab", () => {
    expect(lint("## S", "```check", "{type: process, id: a, title: t, command: top}", "```", "<!-- check", "- {type: process, id: a, title: u, command: top}", "-->")).toEqual([
      '7:3 error check id "a" is already used on line 4',
    ]);
  });
});
