// Which files a command needs to exist, and which it creates. A lab that runs
// `podman run --security-opt seccomp=./profile.json …` must create profile.json first (a `file=` block, front matter
// `files:`, or an earlier command such as `cat > profile.json <<EOF`). Only options whose argument is certainly a
// file on the host are read (podman-run(1): --security-opt seccomp=, --env-file, --label-file; podman-build(1) -f;
// podman-kube-play(1)), and bind-mount sources written as relative paths; ordinary commands (`cat x`) are not
// guessed at, since the host may well have x already.
import { parseEngineCommand, type EngineCommand } from "../parse/console/engine-command.js";
import { simpleCommands, splitWords, type Word } from "../parse/console/words.js";

export interface FileUse {
  /** The path as written. */
  path: string;
  /** Offset of the path in the command. */
  offset: number;
  /** What the file is for, in words: "seccomp profile", "env file" … */
  role: string;
}

/** Paths a host already has; a command may use them without the lab creating them. */
const HOST_PATHS = /^\/(usr|etc|proc|sys|dev|run|var\/lib)\//;

/** Files the command reads that the lab must provide. */
export function fileUses(command: string): FileUse[] {
  const uses: FileUse[] = [];
  for (const argv of simpleCommands(splitWords(firstLine(command)))) {
    const engine = parseEngineCommand(argv);
    if (engine) uses.push(...engineFileUses(engine));
  }
  return uses.filter((u) => u.path !== "" && !u.path.includes("$") && !u.path.startsWith("~") && !HOST_PATHS.test(u.path));
}

function engineFileUses(cmd: EngineCommand): FileUse[] {
  const uses: FileUse[] = [];
  for (const o of cmd.options) {
    if (o.value === null) continue;
    if (o.name === "--security-opt") {
      const m = /^seccomp[=:](.*)$/.exec(o.value);
      if (m && m[1] !== "unconfined") uses.push({ path: m[1], offset: o.offset + o.value.length - m[1].length, role: "seccomp profile" });
    } else if (o.name === "--env-file" || o.name === "--label-file") {
      uses.push({ path: o.value, offset: o.offset, role: o.name.slice(2).replace("-", " ") });
    } else if ((o.name === "-f" || o.name === "--file") && cmd.subcommand === "build") {
      uses.push({ path: o.value, offset: o.offset, role: "Containerfile" });
    } else if ((o.name === "-v" || o.name === "--volume") && /^\.\.?\//.test(o.value)) {
      const source = o.value.split(":")[0];
      uses.push({ path: source, offset: o.offset, role: "bind-mount source" });
    }
  }
  const [a, b] = cmd.positionals;
  if (b && ((cmd.subcommand === "kube" && a.value === "play") || (cmd.subcommand === "play" && a.value === "kube"))) {
    uses.push({ path: b.value, offset: b.offset, role: "Kubernetes YAML" });
  }
  return uses;
}

/** Paths the command writes: redirections, tee, touch, cp/mv targets, curl -o, wget -O, mkdir. */
export function fileCreations(command: string): string[] {
  const out: string[] = [];
  for (const argv of simpleCommands(splitWords(firstLine(command)))) {
    for (let i = 0; i < argv.length; i++) {
      const m = /^\d*>>?\|?(.*)$/.exec(argv[i].value);
      if (m) {
        const path = m[1] || argv[i + 1]?.value;
        if (path) out.push(path);
      }
    }
    const args = argv.filter((w, i) => !/^\d*>/.test(w.value) && !/^\d*>>?$/.test(argv[i - 1]?.value ?? ""));
    const name = args[0]?.value.split("/").pop();
    const operands = args.slice(1).filter((w) => !w.value.startsWith("-"));
    if (name === "tee" || name === "touch" || name === "mkdir") out.push(...operands.map((w) => w.value));
    if ((name === "cp" || name === "mv" || name === "install") && operands.length >= 2) out.push(operands[operands.length - 1].value);
    if (name === "curl" || name === "wget") out.push(...valuesOf(args, name === "curl" ? ["-o", "--output"] : ["-O", "--output-document"]));
  }
  return out;
}

function valuesOf(args: readonly Word[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length - 1; i++) if (names.includes(args[i].value)) out.push(args[i + 1].value);
  return out;
}

/** Compares paths as written in different places: `./a//b/` and `a/b` are the same file. */
export function normalisePath(path: string): string {
  const abs = path.startsWith("/");
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(p);
  }
  return (abs ? "/" : "") + parts.join("/");
}

/** The part of a command before any here-document body. */
function firstLine(command: string): string {
  return command.split("\n")[0];
}
