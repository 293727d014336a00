// Nested shell sessions that are never left, and `exit` with nothing to leave. A session left open means every
// later command runs inside the container; when later steps have commands that is almost certainly a forgotten
// `exit` (an error), when nothing follows it is harmless (a warning). An `exit` on the host's own shell would end
// the student's login: a warning, since some labs do mean it as the last word.
import type { Diagnostic } from "../../model/source.js";
import { walkEntries } from "../../model/walk.js";
import type { LintRule } from "../rule.js";

export const sessions: LintRule = {
  name: "session",
  description: "a nested shell (`podman exec -it … bash`) never left with `exit`, or `exit` outside one",
  run(lab) {
    const out: Diagnostic[] = [];
    const stepOf = new Map<number, number>(); // command line → step index
    const linesIn = new Map<number, number[]>(); // session id → lines of commands run in it
    for (const v of walkEntries(lab)) {
      if (v.entry.kind !== "command" || v.inSolution) continue;
      const c = v.entry;
      stepOf.set(c.line, v.step?.index ?? -1);
      if (!linesIn.has(c.session.id)) linesIn.set(c.session.id, []);
      linesIn.get(c.session.id)!.push(c.line);
      if (c.session.depth === 0 && /^\s*(exit|logout)\b/.test(c.command)) {
        out.push({ file: lab.file, line: c.line, column: c.column, severity: "warning", rule: "session",
          message: "`exit` here leaves the host's own shell: no nested session (`podman exec -it … bash`) is open" });
      }
    }
    for (const s of lab.sessions) {
      if (s.closedAt) continue;
      const openedIn = stepOf.get(s.line);
      if (openedIn === undefined) continue; // opened inside a solution
      const laterStep = (linesIn.get(s.id) ?? []).find((l) => (stepOf.get(l) ?? -1) > openedIn);
      const where = s.container ? `a shell in \`${s.container}\`` : `a nested \`${s.shell}\``;
      out.push({
        file: lab.file, line: s.line, column: s.column, rule: "session",
        severity: laterStep !== undefined ? "error" : "warning",
        message: laterStep !== undefined
          ? `this opens ${where} that is never left: the commands of later steps (from line ${laterStep}) would run inside it; add \`$ exit\` where it should end`
          : `this opens ${where} that is never left with \`exit\``,
      });
    }
    return out;
  },
};
