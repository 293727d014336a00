/**
 * ln (GNU coreutils): makes a hard link (linkat(2)) or, with `-s`, a symbolic link (symlinkat(2)); `-f` removes an
 * existing destination first, `-v` says what it made, `-n`/`-T` treat the destination as a plain name. A link into
 * an existing directory takes the target's base name. Errors are coreutils': `ln: failed to create symbolic link
 * 'l': File exists`, `ln: failed to create hard link 'h' => '/etc/passwd': Operation not permitted`,
 * `ln: '/etc': hard link not allowed for directory`.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { ErrnoError, STRERROR } from "../kernel/errno.js";

const why = (e: unknown): string => STRERROR[e instanceof ErrnoError ? e.code : "EIO"];

function ln(args: string[], ctx: CommandContext): CommandResult {
  let symbolic = false;
  let force = false;
  let verbose = false;
  let noDeref = false;
  const names: string[] = [];
  for (const a of args) {
    if (a === "--") continue;
    if (a === "--symbolic") symbolic = true;
    else if (a === "--force") force = true;
    else if (a === "--verbose") verbose = true;
    else if (a === "--no-dereference" || a === "--no-target-directory") noDeref = true;
    else if (/^-[sfvnT]+$/.test(a)) {
      symbolic ||= a.includes("s");
      force ||= a.includes("f");
      verbose ||= a.includes("v");
      noDeref ||= a.includes("n") || a.includes("T");
    } else if (a.startsWith("-") && a !== "-") return { stderr: `ln: invalid option -- '${a.replace(/^-+/, "")[0]}'\nTry 'ln --help' for more information.\n`, exitCode: 1 };
    else names.push(a);
  }
  if (names.length === 0) return { stderr: "ln: missing file operand\nTry 'ln --help' for more information.\n", exitCode: 1 };
  const abs = (p: string) => (p.startsWith("/") ? p : `${ctx.cwd === "/" ? "" : ctx.cwd}/${p}`);
  const target = names[0]!;
  let link = names[1] ?? target.replace(/\/+$/, "").split("/").pop()!;
  try {
    if (!noDeref && names[1] !== undefined && ctx.fs.statSync(abs(link)).type === "dir") link = `${link.replace(/\/+$/, "")}/${target.replace(/\/+$/, "").split("/").pop()}`;
  } catch {
    // no such destination: it is the link's own name
  }
  if (!symbolic) {
    try {
      if (ctx.fs.statSync(abs(target)).type === "dir") return { stderr: `ln: '${target}': hard link not allowed for directory\n`, exitCode: 1 };
    } catch (e) {
      return { stderr: `ln: failed to access '${target}': ${why(e)}\n`, exitCode: 1 };
    }
  }
  if (force && ctx.fs.existsSync(abs(link))) {
    try {
      ctx.fs.unlinkSync(abs(link));
    } catch (e) {
      return { stderr: `ln: cannot remove '${link}': ${why(e)}\n`, exitCode: 1 };
    }
  }
  try {
    if (symbolic) ctx.fs.symlinkSync(target, abs(link));
    else ctx.fs.linkSync(abs(target), abs(link));
  } catch (e) {
    // coreutils names the target too, except where the error is about the destination (ln.c do_link)
    const code = e instanceof ErrnoError ? e.code : "EIO";
    const destOnly = code === "EEXIST" || code === "ENOSPC" || code === "EROFS";
    const what = symbolic ? `symbolic link '${link}'` : destOnly ? `hard link '${link}'` : `hard link '${link}' => '${target}'`;
    return { stderr: `ln: failed to create ${what}: ${why(e)}\n`, exitCode: 1 };
  }
  return { stdout: verbose ? `'${link}' ${symbolic ? "->" : "=>"} '${target}'\n` : "", exitCode: 0 };
}

export const lnCommand: UserCommand = { name: "ln", run: ln };
