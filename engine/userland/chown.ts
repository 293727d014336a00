/**
 * chown (coreutils src/chown.c): changes the owner and/or group of files — `chown OWNER[:GROUP] FILE…`,
 * `:GROUP`, `OWNER:` (the owner's login group), names looked up in the task's own /etc/passwd and /etc/group (a
 * container's, inside one), numbers taken as they are; `-R` recurses, `-h` changes a symlink itself. fchownat(2)
 * needs CAP_CHOWN, so root in a container started with `--cap-drop CHOWN` gets coreutils' message:
 * `chown: changing ownership of '/etc/hosts': Operation not permitted`, exit 1.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { ErrnoError, STRERROR } from "../kernel/errno.js";

const absOf = (ctx: CommandContext, p: string): string => (p.startsWith("/") ? p : `${ctx.cwd === "/" ? "" : ctx.cwd}/${p}`);

/** name → [id, login group] from a passwd- or group-format file the task can read. */
function lookup(ctx: CommandContext, file: string, name: string): [number, number] | undefined {
  if (/^\d+$/.test(name)) return [Number(name), -1];
  try {
    for (const line of ctx.fs.readFileSync(file).split("\n")) {
      const f = line.split(":");
      if (f[0] === name && f[2] !== undefined) return [Number(f[2]), f[3] !== undefined && file.endsWith("passwd") ? Number(f[3]) : -1];
    }
  } catch {
    // no such database: only numbers resolve
  }
  return undefined;
}

function chown(args: string[], ctx: CommandContext): CommandResult {
  let recursive = false;
  let noDeref = false;
  let verbose = false;
  const words: string[] = [];
  for (const a of args) {
    if (a === "-R" || a === "--recursive") recursive = true;
    else if (a === "-h" || a === "--no-dereference") noDeref = true;
    else if (a === "-v" || a === "--verbose") verbose = true;
    else if (/^-[Rhvcf]+$/.test(a)) { recursive ||= a.includes("R"); noDeref ||= a.includes("h"); verbose ||= a.includes("v"); }
    else words.push(a);
  }
  if (words.length === 0) return { stderr: "chown: missing operand\nTry 'chown --help' for more information.\n", exitCode: 1 };
  const spec = words[0]!;
  if (words.length === 1) return { stderr: `chown: missing operand after '${spec}'\nTry 'chown --help' for more information.\n`, exitCode: 1 };
  const sep = spec.search(/[:.]/);
  const owner = sep < 0 ? spec : spec.slice(0, sep);
  const group = sep < 0 ? undefined : spec.slice(sep + 1);
  let uid = -1;
  let gid = -1;
  if (owner !== "") {
    const u = lookup(ctx, "/etc/passwd", owner);
    if (!u) return { stderr: `chown: invalid user: '${spec}'\n`, exitCode: 1 };
    uid = u[0];
    if (group === "") gid = u[1];
  }
  if (group) {
    const g = lookup(ctx, "/etc/group", group);
    if (!g) return { stderr: `chown: invalid group: '${spec}'\n`, exitCode: 1 };
    gid = g[0];
  }
  let stdout = "";
  let stderr = "";
  const change = (shown: string, path: string, depth: number): void => {
    try {
      ctx.fs.lstatSync(path);
    } catch (e) {
      stderr += `chown: cannot access '${shown}': ${STRERROR[e instanceof ErrnoError ? e.code : "EIO"]}\n`;
      return;
    }
    try {
      ctx.fs.chownSync(path, uid, gid, !noDeref);
      if (verbose) stdout += `changed ownership of '${shown}' to ${spec}\n`;
    } catch (e) {
      stderr += `chown: changing ownership of '${shown}': ${STRERROR[e instanceof ErrnoError ? e.code : "EIO"]}\n`;
    }
    if (recursive && depth < 64) {
      let names: string[] = [];
      try {
        if (ctx.fs.lstatSync(path).type === "dir") names = ctx.fs.readdirSync(path);
      } catch {
        return;
      }
      for (const n of names) change(`${shown.replace(/\/$/, "")}/${n}`, `${path.replace(/\/$/, "")}/${n}`, depth + 1);
    }
  };
  for (const f of words.slice(1)) change(f, absOf(ctx, f), 0);
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

export const chownCommand: UserCommand = { name: "chown", run: chown };
