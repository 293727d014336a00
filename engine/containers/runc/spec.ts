/**
 * `runc spec [-b bundle] [--rootless]` (runc spec.go): writes the example config.json into the bundle directory
 * (default: the current one) and refuses to overwrite an existing one ("File config.json exists. Remove it
 * first"). The file is created with mode 0666 less the umask, as Go's os.WriteFile does.
 */
import type { CommandResult } from "../../userland/command.js";
import { absPath } from "./bundle.js";
import { leadingFlags, runcError, type RuncCall } from "./call.js";
import { defaultSpec, rootlessSpec, specText } from "./spec-default.js";

/** spec */
export const spec = {
  name: "spec",
  run(call: RuncCall, args: string[]): CommandResult {
    const { ctx } = call;
    const parsed = leadingFlags(args, new Set(["bundle", "b"]));
    if ("error" in parsed) return runcError(parsed.error);
    const dirArg = parsed.flags.get("bundle") ?? parsed.flags.get("b");
    const dir = dirArg !== undefined ? absPath(ctx.cwd, dirArg) : ctx.cwd;
    if (dirArg !== undefined) {
      try {
        if (ctx.fs.statSync(dir).type !== "dir") return runcError(`chdir ${dirArg}: not a directory`);
      } catch {
        return runcError(`chdir ${dirArg}: no such file or directory`);
      }
    }
    const path = `${dir}/config.json`;
    if (ctx.fs.existsSync(path)) return runcError("File config.json exists. Remove it first");
    const doc = parsed.flags.has("rootless") ? rootlessSpec(ctx.task.cred.uid, ctx.task.cred.gid) : defaultSpec();
    try {
      ctx.fs.writeFileSync(path, specText(doc), { mode: 0o644 });
    } catch (e) {
      const code = (e as { code?: string }).code;
      return runcError(`open config.json: ${code === "EACCES" ? "permission denied" : code === "EROFS" ? "read-only file system" : "no such file or directory"}`);
    }
    return { exitCode: 0 };
  },
};
