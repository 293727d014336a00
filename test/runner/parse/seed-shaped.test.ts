// The acceptance facts of issue 2, on a fixture written in our own words with every tricky construct of the seed
// notes: narration, a continuation inside `$( \`, a nested exec session with a prompt echo, a JSON snippet above the
// command that uses it, a registry typo, a prose-only step and `###` tasks.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Command, Transcript } from "../../../runner/model/lab.js";
import { listCommands, walkEntries } from "../../../runner/model/walk.js";
import { parseLab } from "../../../runner/parse/index.js";
import { lintLab } from "../../../runner/lint/index.js";

const file = "test/fixtures/labs/seed-shaped.md";
const lab = parseLab(readFileSync(new URL("../../fixtures/labs/seed-shaped.md", import.meta.url), "utf8"), file);
const commands = listCommands(lab);
const byText = (prefix: string): Command => commands.find((c) => c.command.startsWith(prefix))!;

describe("a lab shaped like the seed notes", () => {
  it("has the title, steps in order, tasks, and a prose-only step", () => {
    expect(lab.title).toBe("Kitchen Sink Hosts");
    expect(lab.steps.map((s) => s.title)).toEqual([
      "Engines share one kernel",
      "Building a container by hand",
      "Limits are prose only",
      "Filtering syscalls",
    ]);
    expect(lab.steps[1].tasks.map((t) => t.title)).toEqual(["Create it", "Look at the spec", "Step inside"]);
    expect(lab.steps[2].tasks).toEqual([]);
    expect(lab.steps[2].body.map((b) => b.kind)).toEqual(["prose"]);
    expect(lab.problems).toEqual([]);
  });

  it("reads every `$` command once, in order, continuations joined", () => {
    expect(commands.map((c) => c.line)).toEqual([6, 7, 9, 28, 31, 34, 41, 49, 50, 51, 55, 56, 73]);
    expect(byText("podman create").command).toBe("podman create -t --name box -v /srv:/srv:Z quay.io/example/box");
    expect(byText("jq").command).toBe(
      "jq .process.args /var/lib/containers/storage/overlay-containers/$(podman ps -l -q --no-trunc)/userdata/config.json",
    );
    expect(byText("jq").source.split("\n")).toHaveLength(2);
  });

  it("removes the common indent of expected output and keeps narration apart", () => {
    expect(byText("ps -efZ").expectedOutput).toEqual([
      "system_u:system_r:container_t:s0:c11,c22 root 4100 4090  0 10:00 pts/0 00:00:00 sleep 300",
      "system_u:system_r:container_t:s0:c33,c44 root 4200 4190  0 10:00 pts/1 00:00:00 sleep 300",
    ]);
    expect(byText("ps -efZ").outputLine).toBe(10);
    expect(byText("podman ps -a").expectedOutput).toEqual([]);
    const first = lab.steps[0].body[0] as Transcript;
    expect(first.entries.filter((e) => e.kind === "narration").map((e) => e.kind === "narration" && e.markdown)).toEqual([
      "Look at the host's process list:",
      "Two processes, one kernel: containers are\nordinary processes with a different view.",
    ]);
  });

  it("runs `ls /srv` inside the session the exec opened, with its prompt echo, until exit", () => {
    const exec = byText("podman exec");
    const ls = byText("ls /srv");
    const exit = byText("exit");
    expect(exec.session).toEqual({ id: 0, depth: 0 });
    expect(exec.opens).toBe(1);
    expect(ls.session).toEqual({ id: 1, depth: 1 });
    expect(ls.echo).toMatchObject({ command: "ls /srv", line: 52, prompt: { host: "0123abcd4567", user: "root", cwd: "/", root: true } });
    expect(ls.expectedOutput).toEqual(["data"]);
    expect(exit).toMatchObject({ session: { id: 1, depth: 1 }, closes: 1 });
    expect(byText("podman rm").session).toEqual({ id: 0, depth: 0 });
    expect(lab.sessions).toEqual([
      expect.objectContaining({ id: 1, parent: 0, via: "podman", container: "box", shell: "bash", closedAt: { line: 55, column: 1 } }),
    ]);
  });

  it("keeps the JSON above the seccomp command as a snippet", () => {
    const snippets = [...walkEntries(lab)].filter((v) => v.entry.kind === "snippet" && v.step?.index === 3);
    expect(snippets).toHaveLength(1);
    expect(snippets[0].entry).toMatchObject({ line: 68 });
    expect(JSON.parse((snippets[0].entry as { text: string }).text)).toMatchObject({ defaultAction: "SCMP_ACT_ALLOW" });
  });

  it("lint reports the missing profile with the fix on the snippet, and the registry typo", () => {
    const d = lintLab(lab);
    expect(d.map((x) => `${x.line}:${x.column} ${x.severity} ${x.rule}`)).toEqual([
      "7:18 error unknown-registry",
      "73:42 error missing-file",
    ]);
    expect(d[0].message).toContain("did you mean `registry.fedoraproject.org`?");
    expect(d[1].message).toContain("./profiles/no-mkdir.json");
    expect(d[1].fix).toMatchObject({ line: 68, column: 1 });
    expect(d[1].fix!.message).toContain("file=profiles/no-mkdir.json");
  });
});
