/**
 * What a container's init process does over time, decided from its argv before it starts: the simulated host
 * has no programs to execute, so the runtime needs to know whether the command keeps running (`top`, an
 * interactive shell, `sleep infinity`), ends by itself at a known time (`sleep 10`), or runs to completion at once
 * (`ls -alhZ /x`, `chmod 777 /etc/hosts`) — the last kind is run as the container's task through the shell, so its
 * output, seccomp denials and exit status are real.
 *
 * Shells: `/bin/sh -c 'one command'` execs that command (bash and dash do so for a single simple command), so ps
 * shows the command itself; `bash -c 'if [ -f /mnt/on ]; then top; fi'` (the on-off container's CMD) stays as
 * the parent and runs `top` as its child only when the file exists, else exits 0 (fatherlinux/on-off-container).
 */

/** What the init does. */
export type InitProgram =
  /** keeps running until killed; `child` is a process it starts (bash -c … → top) */
  | { kind: "daemon"; argv: string[]; child?: string[]; ignoresTerm: boolean; termStatus?: number }
  /** ends by itself after `ms` with status 0 */
  | { kind: "timed"; argv: string[]; ms: number; ignoresTerm: boolean }
  /** runs to completion at once; `line` is run as the task through the shell */
  | { kind: "oneshot"; argv: string[]; line: string }
  /** `if [ -<op> <path> ]; then <then>; fi`: depends on a file in the container, tested at start */
  | { kind: "conditional"; argv: string[]; test: { op: string; path: string }; then: InitProgram };

const SHELLS = new Set(["sh", "bash", "/bin/sh", "/bin/bash", "/usr/bin/sh", "/usr/bin/bash", "ash", "/bin/ash"]);
const FOREVER = new Set(["top", "/usr/bin/top", "/bin/top"]);

/** Splits a simple command into words (quotes honoured; no expansion). */
export function splitWords(line: string): string[] | undefined {
  const words: string[] = [];
  let cur = "";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return undefined;
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) return undefined;
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === " " || ch === "\t") {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
    } else if (";&|<>()$`\\\n*?[]{}".includes(ch)) {
      return undefined;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** Parses a sleep duration ("10", "1.5", "2m", "infinity") into ms; undefined if invalid. */
function sleepMs(arg: string): number | undefined {
  if (arg === "infinity" || arg === "inf") return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]!]!;
  return Number(m[1]) * unit;
}

/** Decides what an init argv does. `tty`/`stdin` say whether a terminal or open stdin keep a shell alive. */
export function classifyInit(argv: string[], opts: { tty: boolean; stdin: boolean }): InitProgram {
  const prog = argv[0] ?? "";
  const base = prog.slice(prog.lastIndexOf("/") + 1);
  if (SHELLS.has(prog) && argv[1] === "-c" && argv[2] !== undefined) {
    const script = argv[2].trim();
    const cond = /^if \[ (-[fed]) (\S+) \]; then (.+?);? fi$/.exec(script);
    if (cond) {
      const inner = splitWords(cond[3]!);
      const then = inner ? classifyInit(inner, opts) : ({ kind: "oneshot", argv: ["sh", "-c", cond[3]!], line: cond[3]! } as InitProgram);
      return { kind: "conditional", argv, test: { op: cond[1]!, path: cond[2]! }, then };
    }
    const words = splitWords(script);
    // a single simple command: the shell execs it, so the process becomes that command
    if (words && words.length > 0) return classifyInit(words, opts);
    return { kind: "oneshot", argv, line: script };
  }
  if (SHELLS.has(prog) && argv.length === 1) {
    return opts.tty || opts.stdin ? { kind: "daemon", argv, ignoresTerm: true } : { kind: "oneshot", argv, line: "true" };
  }
  // top catches SIGTERM and exits cleanly (procps top.c sig_endpgm → bye_bye → exit 0)
  if (FOREVER.has(prog)) return { kind: "daemon", argv, ignoresTerm: false, termStatus: 0 };
  if (base === "sleep" && argv.length === 2) {
    const ms = sleepMs(argv[1]!);
    if (ms === Infinity) return { kind: "daemon", argv, ignoresTerm: true };
    if (ms !== undefined) return { kind: "timed", argv, ms, ignoresTerm: true };
  }
  if (base === "tail" && argv.includes("-f")) return { kind: "daemon", argv, ignoresTerm: false };
  if (base === "cat" && argv.length === 1 && (opts.tty || opts.stdin)) return { kind: "daemon", argv, ignoresTerm: false };
  return { kind: "oneshot", argv, line: argv.map(quoteWord).join(" ") };
}

function quoteWord(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
