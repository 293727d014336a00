/**
 * systemd-cgls (systemd): the cgroup tree as a tree, with the processes in each group — what systemd has placed
 * where: `init.scope` for pid 1, `system.slice/<unit>.service` for daemons, `user.slice/user-0.slice/session-N.scope`
 * for a login, and the container engines' scopes (`machine.slice/libpod-<id>.scope`, on cgroup v2 with crun its
 * `container` sub-group; `system.slice/docker-<id>.scope`). It reads the tree the kernel keeps (engine/kernel/
 * cgroups.ts) and each task's cgroup. Empty groups are hidden unless `--all` (as systemd does); pids are
 * right-aligned to the widest in their group (show_pid_array). `systemd-cgls /machine.slice` starts there.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import type { Task } from "../kernel/tasks.js";
import { listTasks, commandLine } from "../kernel/tasks.js";

/** The order systemd's own slices show in (kernfs readdir order on a real host); others follow as created. */
const FIRST = ["user.slice", "init.scope", "system.slice", "machine.slice"];

function systemdCgls(args: string[], ctx: CommandContext): CommandResult {
  let all = false;
  let root = "/";
  for (const a of args) {
    if (a === "-a" || a === "--all") all = true;
    else if (a === "--no-pager" || a === "-l" || a === "--full" || a === "-k") continue;
    else if (a.startsWith("-")) return { stderr: `systemd-cgls: invalid option -- '${a.replace(/^-+/, "")}'\n`, exitCode: 1 };
    else root = "/" + a.replace(/^\/sys\/fs\/cgroup\/?(systemd\/)?/, "").replace(/^\/+|\/+$/g, "");
  }
  const groups = ctx.host.cgroups.groups;
  if (!groups[root]) return { stderr: `Failed to list cgroup tree: No such file or directory\n`, exitCode: 1 };
  const byGroup = new Map<string, Task[]>();
  for (const t of listTasks(ctx.host)) {
    if (t.kthread) continue;
    const list = byGroup.get(t.cgroup) ?? [];
    list.push(t);
    byGroup.set(t.cgroup, list);
  }
  // the groups systemd made at boot hold tasks even where the tree has no record of them yet
  const known = new Set(Object.keys(groups));
  for (const c of byGroup.keys()) {
    for (let p = c; p !== "/" && p !== "" && !known.has(p); p = p.slice(0, p.lastIndexOf("/")) || "/") known.add(p);
  }
  const paths = [...known];
  const childrenOf = (g: string): string[] => {
    const prefix = g === "/" ? "/" : g + "/";
    const names = paths.filter((p) => p.startsWith(prefix) && p !== g && !p.slice(prefix.length).includes("/")).map((p) => p.slice(prefix.length));
    const rank = (n: string) => (g === "/" && FIRST.includes(n) ? FIRST.indexOf(n) : FIRST.length);
    return names.map((n, i) => ({ n, i })).sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i).map((x) => x.n);
  };
  const populated = (g: string): boolean => {
    const prefix = g === "/" ? "/" : g + "/";
    for (const c of byGroup.keys()) if (c === g || c.startsWith(prefix)) return true;
    return false;
  };
  const lines: string[] = [];
  const walk = (g: string, prefix: string): void => {
    const tasks = byGroup.get(g) ?? [];
    const kids = childrenOf(g).filter((n) => all || populated(g === "/" ? "/" + n : g + "/" + n));
    const width = tasks.reduce((w, t) => Math.max(w, String(t.pid).length), 0);
    const items: Array<{ text: string; sub?: string }> = [
      ...tasks.map((t) => ({ text: `${String(t.pid).padStart(width)} ${commandLine(t)}` })),
      ...kids.map((n) => ({ text: n, sub: g === "/" ? "/" + n : g + "/" + n })),
    ];
    items.forEach((it, i) => {
      const last = i === items.length - 1;
      lines.push(`${prefix}${last ? "└─" : "├─"}${it.text}`);
      if (it.sub) walk(it.sub, prefix + (last ? "  " : "│ "));
    });
  };
  lines.push(`Control group ${root}:`);
  if (root === "/") lines.push("-.slice");
  walk(root, "");
  return { stdout: lines.join("\n") + "\n", exitCode: 0 };
}

export const systemdCglsCommand: UserCommand = { name: "systemd-cgls", run: systemdCgls };
