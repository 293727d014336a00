// Reading podman/docker command lines: options with and without values, combined short flags, the image.
import { describe, expect, it } from "vitest";
import { hasOption, optionValues, parseEngineCommand } from "../../../../runner/parse/console/engine-command.js";
import { splitWords } from "../../../../runner/parse/console/words.js";

const parse = (s: string) => parseEngineCommand(splitWords(s));

describe("engine command lines", () => {
  it("finds the image after value-taking options", () => {
    const c = parse("podman run --name x -v /a:/b:Z --memory 64m -e A=1 quay.io/a/b:1 sleep 10")!;
    expect(c.subcommand).toBe("run");
    expect(c.positionals.map((w) => w.value)).toEqual(["quay.io/a/b:1", "sleep", "10"]);
    expect(optionValues(c, "-v", "--volume").map((o) => o.value)).toEqual(["/a:/b:Z"]);
  });

  it("splits combined short flags; -t is --tty for run", () => {
    const c = parse("podman run -dit ubi top")!;
    expect(["-d", "-i", "-t"].every((f) => hasOption(c, f))).toBe(true);
    expect(c.positionals[0].value).toBe("ubi");
  });

  it("reads --opt=value and records the value's offset", () => {
    const cmd = "podman run --security-opt=seccomp=/x.json ubi ls";
    const o = parse(cmd)!.options[0];
    expect(o).toMatchObject({ name: "--security-opt", value: "seccomp=/x.json" });
    expect(cmd.slice(o.offset)).toMatch(/^seccomp=/);
  });

  it("everything after the image is the container's command, even things that look like options", () => {
    expect(parse("podman run ubi ls -la /")!.options).toEqual([]);
  });

  it("folds `container run`, skips global options and sudo", () => {
    expect(parse("sudo podman --log-level debug container run ubi")!).toMatchObject({ subcommand: "run" });
  });

  it("is null for other programs", () => {
    expect(parse("ls -la")).toBeNull();
  });

  it("word splitting keeps $( … ) and quotes inside one word", () => {
    expect(splitWords(`ls "$(podman mount x)"/a 'b c' | grep -v d`).map((w) => w.value)).toEqual([
      "ls", "$(podman mount x)/a", "b c", "|", "grep", "-v", "d",
    ]);
  });
});
