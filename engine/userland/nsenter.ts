/**
 * nsenter (util-linux): runs a program in the namespaces of another process (setns(2) on each
 * `/proc/<pid>/ns/<type>` of the target `-t PID`): `-m` mount (and with it the target's root, so its files are the
 * container's), `-u` uts (its hostname), `-i` ipc, `-n` net (its interfaces), `-p` pid (the program is forked into
 * it; `ps` there still reads the /proc of the mount namespace it sees), `-U` user, `-C` cgroup, `-a` all of them.
 * Only the namespaces change: the program keeps the caller's credentials, SELinux label and cgroup — which is why
 * root on the host can look into a container this way. Without a program it starts `$SHELL` (a nested shell at a
 * terminal, until `exit`). Each setns needs CAP_SYS_ADMIN through the syscall gate.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import type { NsType } from "../kernel/namespaces.js";
import { NS_TYPES } from "../kernel/namespaces.js";
import { spawnTask, exitTask, findTaskInNs } from "../kernel/tasks.js";
import { runInTask, shellQuote } from "../shell/run-in-task.js";
import { STRERROR } from "../kernel/errno.js";
import { procPidNs } from "../fs/procfs.js";

const SHORT: Record<string, NsType> = { m: "mnt", u: "uts", i: "ipc", n: "net", p: "pid", U: "user", C: "cgroup" };
const LONG: Record<string, NsType> = { mount: "mnt", uts: "uts", ipc: "ipc", net: "net", pid: "pid", user: "user", cgroup: "cgroup" };
/** The order nsenter enters them (user first, mount last, as util-linux does). */
const ORDER: NsType[] = ["user", "cgroup", "ipc", "uts", "net", "pid", "mnt"];

function usage(msg: string): CommandResult {
  return { stderr: `nsenter: ${msg}\nTry 'nsenter --help' for more information.\n`, exitCode: 1 };
}

async function nsenter(args: string[], ctx: CommandContext): Promise<CommandResult> {
  const host = ctx.host;
  const wanted = new Set<NsType>();
  let target: string | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") { i++; break; }
    if (!a.startsWith("-") || a === "-") break;
    if (a.startsWith("--")) {
      const [name, value] = a.slice(2).split("=", 2) as [string, string | undefined];
      if (name === "target") {
        target = value ?? args[++i];
        if (target === undefined) return usage("option '--target' requires an argument");
      } else if (name === "all") for (const t of NS_TYPES) wanted.add(t);
      else if (LONG[name]) wanted.add(LONG[name]!);
      else if (["root", "wd", "preserve-credentials", "no-fork", "follow-context"].includes(name)) { /* accepted */ }
      else return usage(`unrecognized option '${a}'`);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === "t") {
        target = a.slice(j + 1) || args[++i];
        if (target === undefined) return usage("option requires an argument -- 't'");
        break;
      }
      if (c === "a") for (const t of NS_TYPES) wanted.add(t);
      else if (SHORT[c]) wanted.add(SHORT[c]!);
      else if ("rwFZ".includes(c)) { /* root/wd/no-fork/follow-context: accepted */ }
      else return usage(`invalid option -- '${c}'`);
    }
  }
  const program = args.slice(i);
  if (wanted.size === 0) return usage("no namespace specified");
  if (target === undefined) return { stderr: `nsenter: neither filename nor target pid supplied for ns/${[...wanted][0]}\n`, exitCode: 1 };
  if (!/^\d+$/.test(target)) return { stderr: `nsenter: failed to parse pid: '${target}'\n`, exitCode: 1 };
  // the target is opened as /proc/<pid>/ns/…: numbered as the caller's /proc numbers it
  const pidns = procPidNs(host, ctx.task);
  const t = findTaskInNs(host, pidns, Number(target));
  if (!t) return { stderr: `nsenter: cannot open /proc/${target}/ns/${ORDER.find((k) => wanted.has(k))}: No such file or directory\n`, exitCode: 1 };
  const ns: Partial<Record<NsType, number>> = {};
  for (const type of ORDER) {
    if (!wanted.has(type)) continue;
    // entering the namespace a process is already in is refused for user namespaces only (setns EINVAL)
    if (type === "user" && t.ns.user === ctx.task.ns.user) {
      if (!args.includes("-a") && !args.includes("--all")) return { stderr: "nsenter: reassociate to namespace 'ns/user' failed: Invalid argument\n", exitCode: 1 };
      continue;
    }
    const r = ctx.fs.sys("setns", [0], () => t.ns[type]);
    if (!r.ok) return { stderr: `nsenter: reassociate to namespace 'ns/${type}' failed: ${STRERROR[r.errno]}\n`, exitCode: 1 };
    ns[type] = r.value;
  }
  // with -m the root and working directory become the target's
  const cwd = ns.mnt !== undefined ? t.cwd : ctx.cwd;
  const argv = program.length > 0 ? program : [ctx.env.SHELL ?? "/bin/bash"];
  const task = spawnTask(host, { ppid: ctx.task.pid, argv, ns, cwd });
  const env = { ...ctx.env, PWD: cwd };
  if (program.length === 0 && ctx.shell.interactive) {
    ctx.shell.pushShell(task, { cwd, env, onExit: (h) => exitTask(h, task.pid, 0) });
    return { exitCode: 0 };
  }
  const line = program.length > 0 ? program.map(shellQuote).join(" ") : ctx.stdin;
  const out = await runInTask(host, task, line, { cwd, env, signal: ctx.signal, control: ctx.shell });
  exitTask(host, task.pid, out.exitCode);
  return { stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode };
}

export const nsenterCommand: UserCommand = { name: "nsenter", run: nsenter };
