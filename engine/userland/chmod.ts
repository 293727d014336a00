/**
 * chmod (GNU coreutils): changes permission bits through `fchmodat(2)`, so a seccomp profile denying fchmodat
 * (the lab's chmod.json) makes it print `chmod: changing permissions of '/etc/hosts': Operation not permitted`
 * and exit 1, as coreutils' process_file() does. Modes: octal, or symbolic `[ugoa]*[+-=][rwxXst]*` lists.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { ErrnoError, STRERROR } from "../kernel/errno.js";

/** Applies a symbolic or octal mode to `mode` (isDir decides X). Null if the mode is invalid. */
export function applyMode(spec: string, mode: number, isDir: boolean, umask = 0o022): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let m = mode;
  for (const clause of spec.split(",")) {
    const match = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!match) return null;
    const [, who0, op, perms] = match;
    const who = who0 || "a";
    let bits = 0;
    const mask = (who.includes("u") || who.includes("a") ? 0o4700 : 0) | (who.includes("g") || who.includes("a") ? 0o2070 : 0) | (who.includes("o") || who.includes("a") ? 0o1007 : 0);
    for (const p of perms) {
      if (p === "r") bits |= 0o444;
      if (p === "w") bits |= 0o222;
      if (p === "x" || (p === "X" && (isDir || mode & 0o111))) bits |= 0o111;
      if (p === "s") bits |= 0o6000;
      if (p === "t") bits |= 0o1000;
    }
    bits &= mask;
    if (!who0) bits &= ~umask | 0o7000;
    if (op === "+") m |= bits;
    else if (op === "-") m &= ~bits;
    else m = (m & ~mask) | bits;
  }
  return m;
}

function chmod(args: string[], ctx: CommandContext): CommandResult {
  const opts = args.filter((a) => /^-[Rvcf]+$/.test(a));
  const rest = args.filter((a) => !/^-[Rvcf]+$/.test(a));
  const recursive = opts.some((o) => o.includes("R"));
  const silent = opts.some((o) => o.includes("f"));
  if (rest.length === 0) return { stderr: "chmod: missing operand\nTry 'chmod --help' for more information.\n", exitCode: 1 };
  const [spec, ...files] = rest;
  if (files.length === 0) return { stderr: `chmod: missing operand after '${spec}'\nTry 'chmod --help' for more information.\n`, exitCode: 1 };
  let stderr = "";
  let exitCode = 0;
  const abs = (p: string): string => (p.startsWith("/") ? p : `${ctx.cwd === "/" ? "" : ctx.cwd}/${p}`);
  const one = (shown: string, path: string): void => {
    let st;
    try {
      st = ctx.fs.statSync(path);
    } catch (e) {
      stderr += `chmod: cannot access '${shown}': ${STRERROR[e instanceof ErrnoError ? e.code : "ENOENT"]}\n`;
      exitCode = 1;
      return;
    }
    const mode = applyMode(spec, st.mode, st.type === "dir");
    if (mode === null) {
      stderr += `chmod: invalid mode: '${spec}'\nTry 'chmod --help' for more information.\n`;
      exitCode = 1;
      return;
    }
    try {
      ctx.fs.chmodSync(path, mode);
    } catch (e) {
      if (!silent) stderr += `chmod: changing permissions of '${shown}': ${STRERROR[e instanceof ErrnoError ? e.code : "EPERM"]}\n`;
      exitCode = 1;
      return;
    }
    if (recursive && st.type === "dir") for (const n of ctx.fs.readdirSync(path)) one(`${shown.replace(/\/$/, "")}/${n}`, `${path}/${n}`);
  };
  for (const f of files) one(f, abs(f));
  return { stderr, exitCode };
}

export const chmodCommand: UserCommand = { name: "chmod", run: chmod };
