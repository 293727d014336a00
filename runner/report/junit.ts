// JUnit XML, the format CI systems (GitLab, Jenkins, GitHub test reporters) read: one <testsuite> per lab, one
// <testcase> per command and per check, named "step › command" so a failure reads well in a CI summary.
import type { LabOutcome, Status } from "./results.js";

/** Renders outcomes as a JUnit XML document. */
export function toJUnit(labs: LabOutcome[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = labs.flatMap((lab) => cases(lab));
  lines.push(
    `<testsuites name="hostlab" tests="${all.length}" failures="${count(all, "fail")}" errors="${count(all, "error")}" skipped="${count(all, "skipped") + count(all, "not-applicable")}">`,
  );
  for (const lab of labs) {
    const cs = cases(lab);
    lines.push(
      `  <testsuite name="${attr(lab.id)}" file="${attr(lab.path)}" tests="${cs.length}" failures="${count(cs, "fail")}" errors="${count(cs, "error")}" skipped="${count(cs, "skipped") + count(cs, "not-applicable")}" time="${seconds(lab.durationMs)}">`,
    );
    for (const c of cs) {
      const open = `    <testcase classname="${attr(lab.id)}" name="${attr(c.name)}" file="${attr(lab.path)}" line="${c.line}" time="${seconds(c.durationMs)}"`;
      if (c.status === "pass") {
        lines.push(`${open}/>`);
        continue;
      }
      lines.push(`${open}>`);
      if (c.status === "fail") lines.push(`      <failure message="${attr(firstLine(c.message))}">${text(c.detail)}</failure>`);
      else if (c.status === "error") lines.push(`      <error message="${attr(firstLine(c.message))}">${text(c.detail)}</error>`);
      else lines.push(`      <skipped message="${attr(c.message || c.status)}"/>`);
      lines.push("    </testcase>");
    }
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return lines.join("\n") + "\n";
}

interface Case {
  name: string;
  line: number;
  status: Status;
  message: string;
  detail: string;
  durationMs: number;
}

function cases(lab: LabOutcome): Case[] {
  const out: Case[] = lab.errors.map((e) => ({
    name: `lab error (line ${e.line})`,
    line: e.line,
    status: "error" as const,
    message: e.message,
    detail: e.message,
    durationMs: 0,
  }));
  for (const step of lab.steps) {
    for (const cmd of step.commands) {
      const message = cmd.status === "fail" ? `output of \`${cmd.command}\` does not match the lab (exit ${cmd.exitCode})` : "";
      out.push({ name: `${step.title} › ${cmd.command}`, line: cmd.line, status: cmd.status, message, detail: cmd.diff, durationMs: cmd.durationMs });
    }
    for (const check of step.checks) {
      out.push({ name: `${step.title} › check: ${check.title}`, line: check.line, status: check.status, message: check.message, detail: check.message, durationMs: 0 });
    }
  }
  return out;
}

const count = (cs: Case[], status: Status) => cs.filter((c) => c.status === status).length;
const seconds = (ms: number) => (ms / 1000).toFixed(3);
const firstLine = (s: string) => s.split("\n")[0] ?? "";

// XML 1.0 forbids most control characters even when escaped; a command's output may contain any of them.
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

function text(s: string): string {
  return s.replace(FORBIDDEN, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(s: string): string {
  return text(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");
}
