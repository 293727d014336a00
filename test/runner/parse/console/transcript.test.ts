// Reading command blocks: prompts, continuation lines, here-documents, expected output, narration and snippets.
import { describe, expect, it } from "vitest";
import type { Command, TranscriptEntry } from "../../../../runner/model/lab.js";
import { locateInCommand, readTranscript } from "../../../../runner/parse/console/transcript.js";

const read = (lines: string[], rootBlock = false): TranscriptEntry[] =>
  readTranscript({ lines, firstLine: 10, column: 1, rootBlock }, () => {});
const cmds = (entries: TranscriptEntry[]) => entries.filter((e): e is Command => e.kind === "command");

describe("transcripts", () => {
  it("a `$` line is a command; indented lines under it are its output, dedented, trailing blanks dropped", () => {
    const [c] = cmds(read(["$ podman ps -q", "    abc", "      def", "", ""]));
    expect(c).toMatchObject({ command: "podman ps -q", line: 10, outputLine: 11, expectedOutput: ["abc", "  def"] });
    expect(c.prompt).toEqual({ style: "$", text: "$ ", root: false });
  });

  it("a backslash continues the command; the break becomes one space", () => {
    const [c] = cmds(read(["$ podman run \\", "    -v /a:/b \\", "    ubi ls"]));
    expect(c.command).toBe("podman run -v /a:/b ubi ls");
    expect(c.pieces.map((p) => [p.line, p.column, p.offset])).toEqual([[10, 3, 0], [11, 5, 11], [12, 5, 20]]);
    expect(locateInCommand(c, c.command.indexOf("ubi"))).toEqual({ line: 12, column: 5 });
  });

  it("a continuation inside $( … ) joins the same way", () => {
    const [c] = cmds(read(["$ cat /x/$(podman ps \\", "  -l -q)/config.json"]));
    expect(c.command).toBe("cat /x/$(podman ps -l -q)/config.json");
  });

  it("a break with no space around it joins with none, as bash does", () => {
    expect(cmds(read(["$ echo ab\\", "cd"]))[0].command).toBe("echo abcd");
  });

  it("an escaped backslash at the end does not continue", () => {
    expect(cmds(read(["$ echo a\\\\", "$ echo b"])).map((c) => c.command)).toEqual(["echo a\\\\", "echo b"]);
  });

  it("a here-document belongs to its command, body and delimiter included", () => {
    const entries = read(["$ cat > /tmp/p.json <<'EOF'", "{", "  \"a\": 1", "}", "EOF", "$ ls /tmp"]);
    expect(cmds(entries).map((c) => c.command)).toEqual(["cat > /tmp/p.json <<'EOF'\n{\n  \"a\": 1\n}\nEOF", "ls /tmp"]);
  });

  it("`# ` lines are narration in a `$` block; consecutive ones join", () => {
    const entries = read(["# First", "# second line", "$ ls", "#", "# after"]);
    expect(entries.map((e) => e.kind)).toEqual(["narration", "command", "narration"]);
    expect(entries[0]).toMatchObject({ markdown: "First\nsecond line", line: 10 });
    expect(entries[2]).toMatchObject({ markdown: "\nafter", line: 13 });
  });

  it("lines before the first command are a snippet", () => {
    const entries = read(["# A profile:", "{", '  "x": 1', "}", "# Use it:", "$ run"]);
    expect(entries.map((e) => e.kind)).toEqual(["narration", "snippet", "narration", "command"]);
    expect(entries[1]).toMatchObject({ text: '{\n  "x": 1\n}', line: 11 });
  });

  it("a bracket prompt is a command; `#` lines are commands in a root block", () => {
    const entries = read(["[root@host ~]# id -u", "0", "# whoami", "root"], true);
    expect(cmds(entries).map((c) => [c.command, c.prompt.style, c.prompt.root])).toEqual([
      ["id -u", "bracket", true],
      ["whoami", "#", true],
    ]);
    expect(cmds(entries)[0].prompt).toMatchObject({ user: "root", host: "host", cwd: "~" });
  });

  it("a Debian-style user@host:dir prompt is a command too, and can be an echo", () => {
    const [a, b] = cmds(read(["student@ubuntu:~$ id -un", "student", "$ ls /srv", "  root@0123abcd4567:/# ls /srv", "  data"]));
    expect(a).toMatchObject({ command: "id -un", prompt: { style: "colon", root: false, user: "student", host: "ubuntu", cwd: "~" } });
    expect(b).toMatchObject({ echo: { prompt: { style: "colon", host: "0123abcd4567" } }, expectedOutput: ["data"] });
  });

  it("an echo of a nested prompt and the command is split off the output", () => {
    const [c] = cmds(read(["$ ls /mnt", "  [root@5f5d3692fa73 /]# ls /mnt", "  total 0"]));
    expect(c.echo).toMatchObject({ command: "ls /mnt", line: 11, column: 3, prompt: { host: "5f5d3692fa73", root: true } });
    expect(c).toMatchObject({ expectedOutput: ["total 0"], outputLine: 12 });
  });

  it("a bracket line that echoes another command stays output", () => {
    const [c] = cmds(read(["$ ls /mnt", "  [root@x /]# pwd"]));
    expect(c.echo).toBeNull();
    expect(c.expectedOutput).toEqual(["[root@x /]# pwd"]);
  });

  it("a `$` with nothing after it is not a command", () => {
    expect(cmds(read(["$", "$ ls"])).map((c) => c.command)).toEqual(["ls"]);
  });
});
