// The acceptance facts on the real seed notes (../shared/seed/container-hosts-notes.md, third-party, not
// copied into this repository). Skipped in a fresh clone, where ../shared does not exist.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lintLab } from "../../../runner/lint/index.js";
import type { Lab } from "../../../runner/model/lab.js";
import { listCommands, walkEntries } from "../../../runner/model/walk.js";
import { parseLab } from "../../../runner/parse/index.js";

const seedUrl = new URL("../../../../shared/seed/container-hosts-notes.md", import.meta.url);
const present = existsSync(seedUrl);
const text = present ? readFileSync(seedUrl, "utf8") : "";
const lab: Lab = parseLab(text, "container-hosts-notes.md");
const commands = listCommands(lab);

describe("the seed notes, unchanged", () => {
  it.skipIf(!present)("have the title and the steps of their ## headings, in order", () => {
    expect(lab.title).toBe("Container Hosts");
    expect(lab.steps.map((s) => s.title)).toEqual([
      "Container engines and the Linux kernel",
      "Creasting a container step by step",
      "Generate contexts dynamically to protect containers",
      "Cgroups",
      "SECCOMP",
    ]);
    expect(lab.steps[1].tasks.map((t) => t.title)).toEqual([
      "Pull/expand/mount image",
      "Create specification file",
      "Invoke container runtime",
    ]);
    const cgroups = lab.steps[3];
    expect(cgroups.tasks).toEqual([]);
    expect(cgroups.body.map((b) => b.kind)).toEqual(["prose"]);
    expect(lab.problems).toEqual([]);
  });

  it.skipIf(!present)("have all 32 `$` commands exactly once, in order, continuation lines joined", () => {
    const dollarLines = text.split("\n").flatMap((l, i) => (l.startsWith("$ ") ? [i + 1] : []));
    expect(dollarLines).toHaveLength(32);
    expect(commands.map((c) => c.line)).toEqual(dollarLines);
    expect(commands[4].command).toBe("podman create -dt --name on-off-container -v /mnt:/mnt:Z quay.io/fatherlinux/on-off-container");
    expect(commands[14].command).toBe(
      "cat /var/lib/containers/storage/overlay-containers/$(podman ps -l -q --no-trunc)/userdata/config.json | jq .",
    );
    expect(commands.every((c) => c.prompt.style === "$")).toBe(true);
  });

  it.skipIf(!present)("keep `# …` lines as narration and indented lines as the output of the command above", () => {
    const narration = [...walkEntries(lab)].filter((v) => v.entry.kind === "narration");
    expect(narration[0].entry).toMatchObject({ line: 9, markdown: "Inspect process table of host:" });
    const ps = commands[3];
    expect(ps.expectedOutput).toHaveLength(3);
    expect(ps.expectedOutput[0]).toBe("system_u:system_r:container_t:s0:c322,c619 root 5195 5176  1 20:23 pts/2 00:00:00 top");
    const mount = commands.find((c) => c.command === "podman mount on-off-container")!;
    expect(mount.expectedOutput).toEqual([
      "/var/lib/containers/storage/overlay/67c13b34f1860e1bdbb87e56e8154571befed229c7f6f5ad081042f7d5dbd901/merged",
    ]);
  });

  it.skipIf(!present)("run `ls -lisah /mnt` inside the session `podman exec -it on-off-container bash` opens; exit closes it", () => {
    const exec = commands.find((c) => c.command === "podman exec -it on-off-container bash")!;
    const ls = commands.find((c) => c.command === "ls -lisah /mnt")!;
    const exit = commands.find((c) => c.command === "exit")!;
    expect(exec.expectedOutput).toEqual([]);
    expect(exec.opens).toBe(1);
    expect(ls.session).toEqual({ id: 1, depth: 1 });
    expect(ls.echo).toMatchObject({ line: 91, command: "ls -lisah /mnt", prompt: { host: "5f5d3692fa73" } });
    expect(ls.expectedOutput[0]).toBe("total 8.0K");
    expect(exit.closes).toBe(1);
    expect(commands[commands.indexOf(exit) + 1].session).toEqual({ id: 0, depth: 0 });
    // The seccomp `podman run -it … chmod` is interactive but runs chmod: no session.
    expect(lab.sessions).toHaveLength(1);
  });

  it.skipIf(!present)("keep the seccomp JSON as a snippet", () => {
    const snippet = [...walkEntries(lab)].find((v) => v.entry.kind === "snippet")!;
    expect(snippet.step?.title).toBe("SECCOMP");
    expect(snippet.entry.line).toBe(156);
    expect(JSON.parse((snippet.entry as { text: string }).text).syscalls[0].name).toBe("fchmodat");
  });

  it.skipIf(!present)("lint: the missing seccomp file with its fix, the registry typo, and podman 4's `create -d`, each with its line", () => {
    const d = lintLab(lab);
    expect(d.map((x) => `${x.line}:${x.column} ${x.severity} ${x.rule}`)).toEqual([
      "8:18 error unknown-registry",
      "33:18 error create-detach",
      "167:41 error missing-file",
    ]);
    expect(d[0].message).toContain("did you mean `registry.access.redhat.com`?");
    expect(d[2].fix).toMatchObject({ line: 156 });
    expect(d[2].fix!.message).toContain("file=labs/lab3-step5/chmod.json");
  });
});
