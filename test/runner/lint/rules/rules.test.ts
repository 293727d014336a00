// Each lint rule on the smallest lab that shows it: the cause, the Markdown, the diagnostics expected.
import { describe, expect, it } from "vitest";
import { lintLab } from "../../../../runner/lint/index.js";
import { parseLab } from "../../../../runner/parse/index.js";

const lint = (...lines: string[]) => lintLab(parseLab(lines.join("\n") + "\n", "t.md"));
const brief = (...lines: string[]) => lint(...lines).map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`);

describe("lint rules", () => {
  it("a clean lab has nothing to say", () => {
    expect(lint("# T", "## S", "```", "$ podman run registry.access.redhat.com/ubi9/ubi true", "```")).toEqual([]);
  });

  it("empty-step: a step or task with no content is a warning", () => {
    expect(brief("# T", "## Empty", "## Has a task", "### Empty task", "## Full", "text")).toEqual([
      "2:1 warning empty-step",
      "4:1 warning empty-step",
    ]);
  });

  it("duplicate-step: the second step with a title is an error pointing at the first", () => {
    const [d] = lint("# T", "## Run it", "a", "## run it", "b");
    expect(d).toMatchObject({ line: 4, severity: "error", rule: "duplicate-step" });
    expect(d.message).toContain("line 2");
  });

  it("session: never exited with commands in later steps is an error; at the end only a warning", () => {
    expect(brief("## A", "```", "$ podman exec -it web bash", "$ ls", "```", "## B", "```", "$ podman ps", "```")).toEqual([
      "3:1 error session",
    ]);
    expect(brief("## A", "```", "$ podman exec -it web bash", "$ ls", "```")).toEqual(["3:1 warning session"]);
  });

  it("session: exit outside a nested shell is a warning", () => {
    expect(brief("## A", "```", "$ exit", "```")).toEqual(["3:1 warning session"]);
  });

  it("implicit-shell: `run -it IMAGE` with no command and commands after it is a warning", () => {
    expect(brief("## A", "```", "$ podman run -it registry.access.redhat.com/ubi9/ubi", "$ cat /etc/os-release", "```")).toEqual([
      "3:1 warning implicit-shell",
    ]);
    expect(lint("## A", "```", "$ podman run -it registry.access.redhat.com/ubi9/ubi", "```")).toEqual([]);
    expect(lint("## A", "```", "$ podman run -it registry.access.redhat.com/ubi9/ubi bash", "$ exit", "```")).toEqual([]);
  });

  it("missing-file: a file= block in the same step (even below) or earlier satisfies it", () => {
    const use = "$ podman run --security-opt seccomp=./p.json registry.access.redhat.com/ubi9/ubi ls";
    expect(lint("## A", "```", use, "```", "```json file=p.json", "{}", "```")).toEqual([]);
    expect(lint("---", "files:", "  p.json: '{}'", "---", "## A", "```", use, "```")).toEqual([]);
    expect(lint("## A", "```", "$ echo '{}' > p.json", use, "```")).toEqual([]);
  });

  it("missing-file: a file written only by a later step is an error naming that step", () => {
    const [d] = lint("## A", "```", "$ podman run --security-opt seccomp=p.json quay.io/a/b ls", "```", "## B", "```json file=p.json", "{}", "```");
    expect(d).toMatchObject({ line: 3, column: 37, rule: "missing-file", severity: "error" });
    expect(d.message).toContain("later step at line 6");
  });

  it("missing-file: host paths and variables are not the lab's business", () => {
    expect(lint("## A", "```", "$ podman run --security-opt seccomp=/usr/share/containers/seccomp.json quay.io/a/b ls",
      "$ podman run --security-opt seccomp=$HOME/p.json quay.io/a/b ls", "```")).toEqual([]);
  });

  it("missing-file: without a snippet above, the fix says how to declare the file", () => {
    const [d] = lint("## A", "```", "$ podman build -f Containerfile .", "```");
    expect(d.message).toContain("`file=Containerfile`");
    expect(d.fix).toBeUndefined();
  });

  it("unknown-registry: a near miss is an error with the right name; a far one a warning", () => {
    const [typo] = lint("## A", "```", "$ podman pull quay.i0/a/b", "```");
    expect(typo).toMatchObject({ line: 3, column: 15, severity: "error" });
    expect(typo.message).toContain("did you mean `quay.io`?");
    expect(brief("## A", "```", "$ podman pull registry.corp.acme.com/a/b", "```")).toEqual(["3:15 warning unknown-registry"]);
    expect(lint("## A", "```", "$ podman run localhost:5000/a/b", "$ docker run nginx", "```")).toEqual([]);
  });

  it("unknown-registry: FROM lines of a Containerfile file block are checked too", () => {
    expect(brief("## A", "```dockerfile file=Containerfile", "FROM registry.acess.redhat.com/ubi9/ubi", "```")).toEqual([
      "3:6 error unknown-registry",
    ]);
  });

  it("create-detach: `podman create -d` is an error unless the host is rhel7", () => {
    expect(brief("## A", "```", "$ podman create -dt --name c quay.io/a/b", "$ podman create --detach quay.io/a/b", "$ podman run -dt quay.io/a/b", "```")).toEqual([
      "3:18 error create-detach",
      "4:17 error create-detach",
    ]);
    expect(lint("---", "host: rhel7", "---", "## A", "```", "$ podman create -dt quay.io/a/b", "```")).toEqual([]);
  });

  it("check-yaml: broken check YAML is located on the lab's lines; an empty check warns", () => {
    expect(brief("## A", "```check", "a: [1, 2", "```", "<!-- check", "-->")).toEqual([
      "3:9 error check-yaml",
      "5:1 warning check-yaml",
    ]);
  });

  it("parse problems come through lint", () => {
    expect(brief("---", "nope: 1", "---", "## A", "```", "$ ls")).toEqual(["2:1 error front-matter", "5:1 error unclosed-fence"]);
  });
});
