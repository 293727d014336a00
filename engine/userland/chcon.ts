/**
 * chcon and restorecon (policycoreutils/coreutils): change a file's SELinux context through
 * lsetxattr("security.selinux"). `chcon CONTEXT FILE`, `chcon -t TYPE` (also -u, -r, -l), `-R`; `restorecon
 * [-R] [-v] PATH` puts back the policy's default for the path (file_contexts). A file on a mount with a
 * `context=` option cannot be relabelled (the mount decides its label), as on a real host.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { ErrnoError, STRERROR } from "../kernel/errno.js";
import { parseContext, formatContext, defaultFileLabel } from "../kernel/selinux.js";

const abs = (ctx: CommandContext, p: string): string => (p.startsWith("/") ? p : `${ctx.cwd === "/" ? "" : ctx.cwd}/${p}`);

function walk(ctx: CommandContext, path: string, recursive: boolean, visit: (p: string) => void): void {
  visit(path);
  if (!recursive) return;
  const st = ctx.fs.lstatSync(path);
  if (st.type !== "dir") return;
  for (const n of ctx.fs.readdirSync(path)) walk(ctx, `${path === "/" ? "" : path}/${n}`, true, visit);
}

function chcon(args: string[], ctx: CommandContext): CommandResult {
  let recursive = false;
  let verbose = false;
  const parts: Partial<Record<"user" | "role" | "type" | "level", string>> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-R" || a === "--recursive") recursive = true;
    else if (a === "-v" || a === "--verbose") verbose = true;
    else if (a === "-t") parts.type = args[++i];
    else if (a === "-u") parts.user = args[++i];
    else if (a === "-r") parts.role = args[++i];
    else if (a === "-l") parts.level = args[++i];
    else if (a.startsWith("--type=")) parts.type = a.slice(7);
    else if (a === "-h" || a === "--no-dereference") continue;
    else rest.push(a);
  }
  const partial = Object.keys(parts).length > 0;
  const context = partial ? undefined : rest.shift();
  if ((!partial && !context) || rest.length === 0) return { stderr: "chcon: missing operand\nTry 'chcon --help' for more information.\n", exitCode: 1 };
  if (context && parseContext(context).type === "") return { stderr: `chcon: invalid context: '${context}'\n`, exitCode: 1 };
  let stdout = "";
  let stderr = "";
  for (const f of rest) {
    try {
      walk(ctx, abs(ctx, f), recursive, (p) => {
        const label = context ?? formatContext({ ...parseContext(ctx.fs.lstatSync(p).label), ...parts });
        try {
          ctx.fs.setLabelSync(p, label, false);
          if (verbose) stdout += `changing security context of '${p}'\n`;
        } catch (e) {
          stderr += `chcon: failed to change context of '${p}' to '${label}': ${STRERROR[e instanceof ErrnoError ? e.code : "EPERM"]}\n`;
        }
      });
    } catch (e) {
      stderr += `chcon: cannot access '${f}': ${STRERROR[e instanceof ErrnoError ? e.code : "ENOENT"]}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
export const chconCommand: UserCommand = { name: "chcon", run: chcon };

function restorecon(args: string[], ctx: CommandContext): CommandResult {
  const recursive = args.some((a) => /^-[a-zA-Z]*[rR]/.test(a));
  const verbose = args.some((a) => /^-[a-zA-Z]*v/.test(a));
  const paths = args.filter((a) => !a.startsWith("-"));
  let stdout = "";
  let stderr = "";
  for (const f of paths) {
    try {
      walk(ctx, abs(ctx, f), recursive, (p) => {
        const old = ctx.fs.lstatSync(p).label;
        const label = defaultFileLabel(p);
        if (old === label) return;
        ctx.fs.setLabelSync(p, label, false);
        if (verbose) stdout += `Relabeled ${p} from ${old} to ${label}\n`;
      });
    } catch (e) {
      stderr += `restorecon: lstat(${f}) failed: ${STRERROR[e instanceof ErrnoError ? e.code : "ENOENT"]}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 255 : 0 };
}
export const restoreconCommand: UserCommand = { name: "restorecon", run: restorecon };
