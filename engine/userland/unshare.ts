/**
 * unshare (util-linux): runs a program in new namespaces (unshare(2)). `-m` copies the mount table into a new
 * mount namespace, `-u` gives a private hostname, `-p -f` a new pid namespace in which the program is pid 1
 * (`--mount-proc` mounts a /proc that shows only it), `-i`, `-n` new ipc and network namespaces. Without a
 * program it starts the user's shell, which at a terminal becomes a nested shell until `exit`. Needs
 * CAP_SYS_ADMIN, through the unshare syscall, so a seccomp profile can forbid it.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import type { NsType } from "../kernel/namespaces.js";
import { createNamespace, getNamespace } from "../kernel/namespaces.js";
import { spawnTask, exitTask } from "../kernel/tasks.js";
import { cloneMountNamespace, mountProc, unmount } from "../fs/namespace.js";
import { mountAt } from "../fs/mounts.js";
import { runInTask } from "../shell/run-in-task.js";
import { STRERROR } from "../kernel/errno.js";

const FLAGS: Record<string, NsType> = { m: "mnt", u: "uts", i: "ipc", n: "net", p: "pid", C: "cgroup" };
const LONG: Record<string, NsType> = { "--mount": "mnt", "--uts": "uts", "--ipc": "ipc", "--net": "net", "--pid": "pid", "--cgroup": "cgroup" };

async function unshare(args: string[], ctx: CommandContext): Promise<CommandResult> {
  const types = new Set<NsType>();
  let fork = false;
  let mountProcFs = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") { i++; break; }
    if (LONG[a]) types.add(LONG[a]);
    else if (a === "--fork") fork = true;
    else if (a === "--mount-proc") { mountProcFs = true; types.add("mnt"); }
    else if (/^-[muinpCfr]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (FLAGS[c]) types.add(FLAGS[c]);
        else if (c === "f") fork = true;
      }
    } else if (a.startsWith("-")) return { stderr: `unshare: unrecognized option '${a}'\nTry 'unshare --help' for more information.\n`, exitCode: 1 };
    else break;
  }
  const program = args.slice(i);
  const host = ctx.host;
  const r = ctx.fs.sys("unshare", [0], () => {
    const ns: Partial<Record<NsType, number>> = {};
    for (const t of types) {
      if (t === "mnt") ns.mnt = cloneMountNamespace(host, ctx.task.ns.mnt);
      else if (t === "uts") ns.uts = createNamespace(host.namespaces, "uts", { hostname: getNamespace(host.namespaces, ctx.task.ns.uts).hostname }).id;
      else ns[t] = createNamespace(host.namespaces, t).id;
    }
    return ns;
  });
  if (!r.ok) return { stderr: `unshare: unshare failed: ${STRERROR[r.errno]}\n`, exitCode: 1 };
  const ns = r.value;
  // without --fork the new pid namespace applies to children only; with it the program is its pid 1
  if (ns.pid !== undefined && !fork) delete ns.pid;
  const argv = program.length > 0 ? program : [ctx.env.SHELL?.split("/").pop() ?? "bash"];
  const task = spawnTask(host, { ppid: ctx.task.pid, argv, ns, cwd: ctx.cwd });
  if (mountProcFs && ns.mnt !== undefined) {
    if (mountAt(host, ns.mnt, "/proc")) unmount(host, ns.mnt, "/proc");
    mountProc(host, ns.mnt, "/proc", task.ns.pid);
  }
  if (program.length === 0) {
    ctx.shell.pushShell(task, { cwd: ctx.cwd, env: ctx.env, onExit: (h) => exitTask(h, task.pid, 0) });
    return { exitCode: 0 };
  }
  const out = await runInTask(host, task, program.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(" "), { cwd: ctx.cwd, env: ctx.env, signal: ctx.signal, control: ctx.shell });
  exitTask(host, task.pid, out.exitCode);
  return { stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode };
}

export const unshareCommand: UserCommand = { name: "unshare", run: unshare };
