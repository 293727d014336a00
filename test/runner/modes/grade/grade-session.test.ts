// Grading replayed sessions: the student's commands typed again on a fresh built-in host, then every check. A
// session is commands only: a file that carries anything else is refused, named, and graded as an error.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findLab } from "../../../../runner/labs/find.js";
import { readLabText } from "../../../../runner/labs/load.js";
import { gradeSession } from "../../../../runner/modes/grade/grade-session.js";
import { gradedChecks } from "../../../../runner/modes/grade/graded-checks.js";
import { sessionFromProgress } from "../../../../runner/modes/grade/session-file.js";
import { planLab } from "../../../../runner/play/plan.js";
import { hashLabText } from "../../../../runner/session/lab-hash.js";
import { repo } from "../test/bundled-cli.js";

const LAB_FILE = path.join(repo, "test/fixtures/grade/session-lab.md");
const lab = findLab(LAB_FILE);
const plan = planLab(lab);
const labRef = { id: lab.id, hash: hashLabText(readLabText(LAB_FILE)) };
const options = { plan, lab: labRef, checks: gradedChecks(plan), timeoutMs: 20_000 };
const dir = mkdtempSync(path.join(tmpdir(), "hostlab-sessions-"));

const NOTE = { step: 0, commandIndex: 0, command: "mkdir -p /tmp/lab && echo hello > /tmp/lab/note.txt" };
const WEB = { step: 1, commandIndex: 0, command: "podman run -d --name web registry.access.redhat.com/ubi9/ubi sleep 600" };

function session(name: string, fields: Record<string, unknown>): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ format: "hostlab-session", version: 1, lab: labRef, seed: "42", host: "rhel9", commands: [], ...fields }));
  return file;
}

describe("grading a replayed session", () => {
  it("scores the state the commands make: all steps, one step, none", async () => {
    const full = await gradeSession(session("full.session.json", { commands: [NOTE, WEB], student: "alice" }), 0, options);
    expect(full).toMatchObject({ status: "graded", score: 5, maxScore: 5, student: "alice", target: "builtin", warnings: [] });
    const half = await gradeSession(session("half.session.json", { commands: [NOTE] }), 1, options);
    expect(half).toMatchObject({ score: 2, maxScore: 5, student: "half" });
    expect(half.checks.find((c) => c.id === "web-running")).toMatchObject({ status: "fail", hidden: true });
    expect((await gradeSession(session("none.json", {}), 2, options)).score).toBe(0);
  });

  it("replays the student's own lines too, and the same seed gives the same result", async () => {
    const own = { step: 1, command: "podman run -d --name web registry.access.redhat.com/ubi9/ubi sleep 900" };
    const a = await gradeSession(session("own.json", { commands: [NOTE, own] }), 0, options);
    const b = await gradeSession(session("own2.json", { commands: [NOTE, own] }), 0, options);
    expect(a.score).toBe(5);
    expect(a.checks).toEqual(b.checks);
  });

  it("refuses a session that carries state or output, naming the field", async () => {
    const forged = await gradeSession(session("forged.json", { commands: [NOTE], checks: [{ id: "web-running", status: "pass" }] }), 0, options);
    expect(forged.status).toBe("error");
    expect(forged.error).toMatch(/unexpected field "checks": a session holds commands only/);
    const output = await gradeSession(session("out.json", { commands: [{ ...NOTE, stdout: "done" }] }), 0, options);
    expect(output.error).toMatch(/commands\.0: unexpected field "stdout"/);
  });

  it("warns when the session was made on another version of the lab, and refuses another lab", async () => {
    const old = await gradeSession(session("old.json", { commands: [NOTE, WEB], lab: { id: lab.id, hash: "sha256:0000" } }), 0, options);
    expect(old.status).toBe("graded");
    expect(old.warnings[0]).toMatch(/another version of the lab/);
    const other = await gradeSession(session("other.json", { lab: { id: "container-hosts", hash: labRef.hash } }), 0, options);
    expect(other.error).toBe('the session is for lab "container-hosts", not "session-lab"');
  });

  it("turns unreadable files into an error record, never a throw", async () => {
    writeFileSync(path.join(dir, "junk.json"), "{not json");
    expect((await gradeSession(path.join(dir, "junk.json"), 0, options)).error).toMatch(/not JSON/);
    expect((await gradeSession(path.join(dir, "missing.json"), 0, options)).error).toMatch(/no such file/);
    const huge = session("huge.json", { commands: Array.from({ length: 20_001 }, () => NOTE) });
    expect((await gradeSession(huge, 0, options)).error).toMatch(/not a hostlab session: commands/);
  });

  it("exports only the commands that ran from saved progress", () => {
    const s = sessionFromProgress(
      {
        version: 1, lab: { id: lab.id, path: LAB_FILE, hash: labRef.hash }, seed: "42", host: "rhel9", target: "builtin", step: 2, commandIndex: 0,
        log: [
          { step: 0, commandIndex: 0, command: NOTE.command, exitCode: 0, verdict: "pass" },
          { step: 1, commandIndex: 0, command: WEB.command, exitCode: 0, verdict: "skipped" },
          { step: 1, command: "ls", exitCode: 0, verdict: "not-checked" },
        ],
        checks: [], startedAt: "", updatedAt: "",
      },
      new Date(0),
    );
    expect(s.commands).toEqual([NOTE, { step: 1, command: "ls" }]);
    expect(Object.keys(s).sort()).toEqual(["commands", "exportedAt", "format", "host", "lab", "seed", "version"]);
  });
});
