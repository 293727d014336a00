/**
 * Who and where am I: whoami, id (-u -g -n -Z), hostname, uname (-a -r -s -n -m -v -o), getenforce. Each asks
 * the kernel about the calling task: its credentials, its SELinux context, its uts namespace (a container has
 * its own hostname), the profile's kernel.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { userName, hostnameOf } from "../shell/prompt.js";
import { netLinks } from "../kernel/net.js";
import { getNamespace } from "../kernel/namespaces.js";
import { selinuxfsVisible, selinuxState } from "../kernel/avc.js";

export const whoamiCommand: UserCommand = {
  name: "whoami",
  run: (_args, ctx) => ({ stdout: userName(ctx.host, ctx.task.cred.uid) + "\n", exitCode: 0 }),
};

function id(args: string[], ctx: CommandContext): CommandResult {
  const { uid, gid, groups } = ctx.task.cred;
  const flags = args.join("");
  const n = flags.includes("n");
  if (flags.includes("Z")) return { stdout: ctx.task.label + "\n", exitCode: 0 };
  if (flags.includes("u")) return { stdout: (n ? userName(ctx.host, uid) : String(uid)) + "\n", exitCode: 0 };
  if (flags.includes("g") && !flags.includes("G")) return { stdout: (n ? userName(ctx.host, gid) : String(gid)) + "\n", exitCode: 0 };
  if (flags.includes("G")) return { stdout: groups.map((g) => (n ? userName(ctx.host, g) : String(g))).join(" ") + "\n", exitCode: 0 };
  const named = (x: number): string => `${x}(${userName(ctx.host, x)})`;
  const ctxPart = ctx.task.label ? ` context=${ctx.task.label}` : "";
  return { stdout: `uid=${named(uid)} gid=${named(gid)} groups=${groups.map(named).join(",")}${ctxPart}\n`, exitCode: 0 };
}
export const idCommand: UserCommand = { name: "id", run: id };

function hostname(args: string[], ctx: CommandContext): CommandResult {
  const name = hostnameOf(ctx.host, ctx.task);
  if (args.length === 0) return { stdout: name + "\n", exitCode: 0 };
  if (args[0] === "-s") return { stdout: name.split(".")[0] + "\n", exitCode: 0 };
  if (args[0] === "-I" || args[0] === "-i") {
    // the global IPv4 addresses of the network namespace it runs in (kernel/net.ts), each followed by a blank
    const addrs = netLinks(ctx.host, ctx.task.ns.net).filter((l) => l.up).flatMap((l) => l.addrs.filter((a) => a.family === "inet" && a.scope === "global").map((a) => a.local));
    return { stdout: addrs.map((a) => a + " ").join("") + "\n", exitCode: 0 };
  }
  if (args[0].startsWith("-")) return { stdout: name + "\n", exitCode: 0 };
  // sethostname(2) needs CAP_SYS_ADMIN in the uts namespace
  const r = ctx.fs.sys("sethostname", [0, args[0].length], () => {
    getNamespace(ctx.host.namespaces, ctx.task.ns.uts).hostname = args[0];
  });
  if (!r.ok) return { stderr: "hostname: you must be root to change the host name\n", exitCode: 1 };
  return { exitCode: 0 };
}
export const hostnameCommand: UserCommand = { name: "hostname", run: hostname };

function uname(args: string[], ctx: CommandContext): CommandResult {
  const p = ctx.host.profile;
  const flags = args.join("").replace(/-/g, "") || "s";
  const all = flags.includes("a");
  const parts: string[] = [];
  if (all || flags.includes("s")) parts.push("Linux");
  if (all || flags.includes("n")) parts.push(hostnameOf(ctx.host, ctx.task));
  if (all || flags.includes("r")) parts.push(p.kernelRelease);
  if (all || flags.includes("v")) parts.push(p.kernelVersion);
  if (all || flags.includes("m")) parts.push("x86_64");
  if (all || flags.includes("p")) parts.push("x86_64");
  if (all || flags.includes("i")) parts.push("x86_64");
  if (all || flags.includes("o")) parts.push("GNU/Linux");
  return { stdout: parts.join(" ") + "\n", exitCode: 0 };
}
export const unameCommand: UserCommand = { name: "uname", run: uname };

/** getenforce: the kernel's mode (setenforce switches it); a confined container has no selinuxfs: Disabled. */
export const getenforceCommand: UserCommand = {
  name: "getenforce",
  run: (_args, ctx) => ({ stdout: `${!selinuxfsVisible(ctx.task) ? "Disabled" : selinuxState(ctx.host).enforcing ? "Enforcing" : "Permissive"}\n`, exitCode: 0 }),
};
