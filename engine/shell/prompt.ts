/**
 * The prompt of RHEL's bash: PS1='[\u@\h \W]\$ ' from /etc/bashrc — user, short hostname, the last component of
 * the working directory (`~` for $HOME), and `#` for root or `$` for everyone else. Inside a container the
 * hostname is the container's (its short id), so `podman exec -it c bash` shows `[root@5f5d3692fa73 /]# `.
 */
import type { Host } from "../host.js";
import type { Task } from "../kernel/tasks.js";
import { getNamespace } from "../kernel/namespaces.js";

/** The hostname a task sees (its uts namespace). */
export function hostnameOf(host: Host, task: Task): string {
  return getNamespace(host.namespaces, task.ns.uts).hostname ?? "localhost";
}

/** The user name of uid (from the profile's accounts; the number when unknown, as bash's \u does not). */
export function userName(host: Host, uid: number): string {
  return host.profile.accounts.find((a) => a.uid === uid)?.name ?? String(uid);
}

/** PS1 expanded. */
export function formatPrompt(host: Host, task: Task, cwd: string, home: string): string {
  const short = hostnameOf(host, task).split(".")[0];
  const w = cwd === home ? "~" : cwd === "/" ? "/" : cwd.split("/").filter(Boolean).pop() ?? "/";
  return `[${userName(host, task.cred.uid)}@${short} ${w}]${task.cred.uid === 0 ? "#" : "$"} `;
}
