// TAP version 14 (testanything.org): one test point per command and check, subtests per lab, diagnostics in YAML
// blocks — readable by `tap`, `tape` reporters and most CI plugins.
import type { LabOutcome } from "./results.js";
import { labPassed } from "./results.js";

/** Renders outcomes as a TAP 14 stream. */
export function toTap(labs: LabOutcome[]): string {
  const out = ["TAP version 14", `1..${labs.length}`];
  labs.forEach((lab, i) => {
    out.push(`# Subtest: ${oneLine(lab.id)}`);
    const points: string[] = [];
    let n = 0;
    for (const e of lab.errors) points.push(point(++n, false, `lab error at line ${e.line}`, e.message));
    for (const step of lab.steps) {
      for (const c of step.commands) {
        const name = `${step.title} › ${c.command}`;
        if (c.status === "skipped" || c.status === "not-applicable") points.push(`ok ${++n} - ${oneLine(name)} # SKIP ${c.status}`);
        else points.push(point(++n, c.status === "pass", name, c.diff));
      }
      for (const k of step.checks) {
        const name = `${step.title} › check: ${k.title}`;
        if (k.status === "skipped" || k.status === "not-applicable") points.push(`ok ${++n} - ${oneLine(name)} # SKIP ${oneLine(k.message || k.status)}`);
        else points.push(point(++n, k.status === "pass", name, k.message));
      }
    }
    out.push(`    1..${n}`, ...points.map((p) => p.replace(/^/gm, "    ")));
    out.push(`${labPassed(lab) ? "ok" : "not ok"} ${i + 1} - ${oneLine(lab.id)}`);
  });
  return out.join("\n") + "\n";
}

function point(n: number, ok: boolean, name: string, detail: string): string {
  const head = `${ok ? "ok" : "not ok"} ${n} - ${oneLine(name)}`;
  if (ok || !detail) return head;
  const body = detail.replace(/\x1b\[[0-9;]*m/g, "").split("\n").map((l) => `    ${l}`);
  return [head, "  ---", "  message: |-", ...body.map((l) => `  ${l}`), "  ..."].join("\n");
}

// A test point's description must stay on one line and must not start a directive.
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ").replace(/#/g, "\\#");
