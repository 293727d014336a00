/**
 * sestatus (policycoreutils sestatus.c): SELinux's state in its fixed two-column layout — enabled or not, where
 * selinuxfs is, the loaded policy, the current mode (follows `setenforce`) and the mode the config file asks for
 * at boot (/etc/selinux/config `SELINUX=`). In a container selinuxfs is masked and it says `disabled`.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { selinuxfsVisible, selinuxState } from "../kernel/avc.js";

/** Values start in column 33 (the real tool pads the label to 32 characters). */
const row = (label: string, value: string): string => `${(label + ":").padEnd(32)}${value}\n`;

function sestatus(_args: string[], ctx: CommandContext): CommandResult {
  if (!selinuxfsVisible(ctx.task)) return { stdout: row("SELinux status", "disabled"), exitCode: 0 };
  let configMode = "enforcing";
  try {
    const m = /^SELINUX=(\w+)/m.exec(ctx.fs.readFileSync("/etc/selinux/config"));
    if (m) configMode = m[1]!.toLowerCase();
  } catch {
    configMode = "error (Permission denied)";
  }
  const rhel7 = ctx.host.profileName === "rhel7";
  const out =
    row("SELinux status", "enabled") +
    row("SELinuxfs mount", "/sys/fs/selinux") +
    row("SELinux root directory", "/etc/selinux") +
    row("Loaded policy name", "targeted") +
    row("Current mode", selinuxState(ctx.host).enforcing ? "enforcing" : "permissive") +
    row("Mode from config file", configMode) +
    row("Policy MLS status", "enabled") +
    row("Policy deny_unknown status", "allowed") +
    row("Memory protection checking", "actual (secure)") +
    row("Max kernel policy version", rhel7 ? "31" : "33");
  return { stdout: out, exitCode: 0 };
}

export const sestatusCommand: UserCommand = { name: "sestatus", run: sestatus };
