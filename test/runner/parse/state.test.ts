// Sessions across a lab: nesting, exits that pop one level, sessions that carry over blocks and steps.
import { describe, expect, it } from "vitest";
import { listCommands } from "../../../runner/model/walk.js";
import { parseLab } from "../../../runner/parse/index.js";

const sessionsOf = (...lines: string[]) =>
  listCommands(parseLab(lines.join("\n") + "\n", "t.md")).map((c) => `${c.command} @${c.session.id}/${c.session.depth}${c.opens ? ` +${c.opens}` : ""}${c.closes ? ` -${c.closes}` : ""}`);

describe("sessions across a lab", () => {
  it("nest: a shell inside a container shell is depth 2; each exit leaves one level", () => {
    expect(sessionsOf("## S", "```", "$ podman exec -it web bash", "$ bash", "$ echo deep", "$ exit", "$ echo mid", "$ exit", "$ echo host", "```")).toEqual([
      "podman exec -it web bash @0/0 +1",
      "bash @1/1 +2",
      "echo deep @2/2",
      "exit @2/2 -2",
      "echo mid @1/1",
      "exit @1/1 -1",
      "echo host @0/0",
    ]);
  });

  it("carry over blocks and steps until exit", () => {
    expect(sessionsOf("## A", "```", "$ podman exec -it web sh", "```", "## B", "```", "$ id", "$ exit", "```")).toEqual([
      "podman exec -it web sh @0/0 +1",
      "id @1/1",
      "exit @1/1 -1",
    ]);
  });

  it("an exit on the host closes nothing", () => {
    expect(sessionsOf("## A", "```", "$ exit", "$ ls", "```")).toEqual(["exit @0/0", "ls @0/0"]);
  });

  it("are recorded with their container, shell and where they closed", () => {
    const lab = parseLab("## A\n```\n$ docker exec -it db /bin/sh\n$ exit\n```\n", "t.md");
    expect(lab.sessions).toEqual([
      { id: 1, parent: 0, depth: 1, via: "docker", container: "db", shell: "/bin/sh", closedAt: { line: 4, column: 1 }, line: 3, column: 1 },
    ]);
  });
});
