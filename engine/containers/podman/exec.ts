/**
 * `podman exec` / `docker exec` (podman-exec(1)): start another process in a running container — same
 * namespaces, SELinux label, cgroup and seccomp filter as its init. With `-it` the terminal attaches to it: the
 * session opens a nested shell whose prompt is `[root@<12-hex id> /]# ` and whose commands run inside the
 * container (its root, its mounts, its pid namespace) until `exit`. Without a terminal the command runs, prints its
 * output, and `exec` exits with its status.
 */
import type { CommandResult } from "../../userland/command.js";
import { exitTask } from "../../kernel/tasks.js";
import { randHex } from "../../kernel/rng.js";
import { taskFs } from "../../fs/fs-view.js";
import { runInTask } from "../../shell/run-in-task.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { containerEnv, spawnExec } from "../runtime.js";
import { splitWords } from "../entrypoint.js";

const PATH_DIRS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

/** exec */
export const exec = {
  name: "exec",
  async run(call: EngineCall, args: string[]): Promise<CommandResult> {
    const f = parseFlags(args, [
      { name: "interactive", short: "i", kind: "bool" }, { name: "tty", short: "t", kind: "bool" },
      { name: "detach", short: "d", kind: "bool" }, { name: "env", short: "e", kind: "list" },
      { name: "user", short: "u", kind: "string" }, { name: "workdir", short: "w", kind: "string" },
      { name: "privileged", kind: "bool" }, { name: "latest", short: "l", kind: "bool" },
    ], false);
    if ("error" in f) return call.usage(f.error);
    const [ref, ...argv] = f.positionals;
    if (!ref || argv.length === 0) {
      if (call.era.engine === "podman") return call.fail("must provide a non-empty command to start an exec session: invalid argument");
      return call.usage(`"${call.argv0} exec" requires at least 2 arguments.`);
    }
    const c = call.container(ref);
    if (!c) return call.done(call.notFoundCode);
    if (c.status !== "running" || c.pid === undefined) {
      if (call.era.family === "podman4") return call.fail("can only create exec sessions on running containers: container state improper");
      if (call.era.family === "podman1") return call.fail("cannot exec into container that is not running: container state improper");
      return call.fail(`Container ${c.id} is not running`);
    }
    const task = spawnExec(call.host, call.era, c, argv, f.bools.has("tty"));
    if (!findProgram(call, task, argv[0]!)) {
      exitTask(call.host, task.pid, 127);
      const runtime = call.era.runtimeName;
      if (call.era.engine === "podman") {
        return call.fail(`${runtime}: executable file \`${argv[0]}\` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found`, 127);
      }
      call.err(`rpc error: code = 2 desc = oci runtime error: exec failed: container_linux.go:235: starting container process caused "exec: \\"${argv[0]}\\": executable file not found in $PATH"\n\n`);
      return call.done(126);
    }
    c.execIds.push(randHex(call.host.rng, 64));
    const env = { ...containerEnv(c, call.era) };
    for (const kv of f.lists.get("env") ?? []) {
      const eq = kv.indexOf("=");
      if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
    }
    const cwd = f.strings.get("workdir") ?? "/";
    task.cwd = cwd;
    if (f.bools.has("interactive")) {
      call.ctx.shell.pushShell(task, { cwd, env, onExit: (host) => { if (host.tasks.byPid[task.pid]) exitTask(host, task.pid, 0); } });
      return call.done(0);
    }
    const line = argv.map((w) => (splitWords(w)?.length === 1 && splitWords(w)![0] === w ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(" ");
    const r = await runInTask(call.host, task, line, { cwd, env });
    if (call.host.tasks.byPid[task.pid]) exitTask(call.host, task.pid, r.exitCode);
    call.attached(r.output, f.bools.has("tty"));
    return call.done(r.exitCode);
  },
};

/** Whether the program exists in the container (a path, or a name on $PATH). */
function findProgram(call: EngineCall, task: Parameters<typeof taskFs>[1], prog: string): boolean {
  const fs = taskFs(call.host, task);
  const exists = (p: string): boolean => {
    try {
      return fs.statSync(p).type === "file";
    } catch {
      return false;
    }
  };
  if (prog.includes("/")) return exists(prog);
  return PATH_DIRS.some((d) => exists(`${d}/${prog}`));
}
