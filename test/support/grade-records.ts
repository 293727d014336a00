// Grade records for reporter tests: a graded host, a partly graded one with hostile text, and one that errored.
import type { CheckGrade, HostGrade } from "../../runner/report/grade-results.js";

export function check(id: string, status: CheckGrade["status"], points: number, maxPoints: number, message = ""): CheckGrade {
  return { id, title: `the ${id} check`, step: 0, stepTitle: "Step one", line: 10, hidden: false, status, points, maxPoints, message, evidence: "" };
}

export function grade(index: number, host: string, fields: Partial<HostGrade> = {}): HostGrade {
  return {
    v: 1, lab: { id: "fleet-lab", hash: "sha256:" + "ab".repeat(32) }, index, host, student: host, target: `ssh://${host}`, status: "graded",
    score: 0, maxScore: 0, checks: [], warnings: [], durationMs: 5, gradedAt: "2026-11-30T08:00:00.000Z", ...fields,
  };
}

export const CLASS: HostGrade[] = [
  grade(1, "root@web02", {
    student: "=HYPERLINK(\"http://x\")",
    score: 2, maxScore: 5,
    checks: [check("motd", "pass", 2, 2), check("listen", "fail", 0, 3, "saw \x1b]0;owned\x07\x1b[2J no Listen\r"), check("selinux", "not-applicable", 0, 1, "SELinux is disabled on this host")],
  }),
  grade(0, "root@web01", { student: "alice", score: 5, maxScore: 5, checks: [check("motd", "pass", 2, 2), check("listen", "pass", 3, 3), check("selinux", "not-applicable", 0, 1, "SELinux is disabled on this host")] }),
  grade(2, "root@web03", { student: "carol", status: "error", error: "connection refused: nothing listens on that port, or a firewall rejects it", maxScore: 6 }),
];
