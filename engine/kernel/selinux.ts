/**
 * SELinux as labels (selinux(8), the targeted policy of RHEL): every process and every file carries a security
 * context `user:role:type:level`. Files get theirs from the policy's file contexts when the system is installed
 * (`matchpathcon`, /etc/selinux/targeted/contexts/files/file_contexts) and, when created later, by a type
 * transition rule or by inheriting the parent directory's type. Containers get a per-container MCS level
 * (engine/kernel/selinux-mcs.ts). Enforcement lives beside this file: the policy's decision in
 * kernel/selinux-policy.ts, the AVC (enforcing/permissive, denials audited) in kernel/avc.ts, which the syscall
 * gate asks for every file call of a confined process.
 */

import { deniedPerms } from "./selinux-policy.js";

/** A parsed context. */
export interface SecurityContext {
  user: string;
  role: string;
  type: string;
  /** "s0", "s0:c1,c2", "s0-s0:c0.c1023" */
  level: string;
}

/** The root login's context on a RHEL host. */
export const UNCONFINED_ROOT = "unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023";
/** Label of files the policy has no more specific rule for. */
export const DEFAULT_FILE = "system_u:object_r:default_t:s0";

/** "a:b:c:s0:c1,c2" → parts (the level keeps its colons). */
export function parseContext(label: string): SecurityContext {
  const [user = "", role = "", type = "", ...level] = label.split(":");
  return { user, role, type, level: level.join(":") || "s0" };
}

/** parts → "user:role:type:level". */
export function formatContext(c: SecurityContext): string {
  return `${c.user}:${c.role}:${c.type}:${c.level}`;
}

/** The same context with another type (and optionally level). */
export function withType(label: string, type: string, level?: string): string {
  const c = parseContext(label);
  return formatContext({ ...c, type, level: level ?? c.level });
}

/** A process' level as files it creates get it: the low end of a range ("s0-s0:c0.c1023" → "s0"). */
export function lowLevel(level: string): string {
  return level.split("-")[0];
}

/**
 * The policy's file contexts for a freshly installed host, most specific first (a trimmed file_contexts of
 * RHEL's targeted policy plus container-selinux). Patterns are anchored regular expressions as in the real file.
 */
const FILE_CONTEXTS: Array<[RegExp, string]> = [
  [/^\/etc\/shadow-?$/, "shadow_t"],
  [/^\/etc\/gshadow-?$/, "shadow_t"],
  [/^\/etc\/passwd-?$/, "passwd_file_t"],
  [/^\/etc\/group-?$/, "passwd_file_t"],
  [/^\/etc\/hosts$/, "net_conf_t"],
  [/^\/etc\/resolv\.conf$/, "net_conf_t"],
  [/^\/etc\/hostname$/, "hostname_etc_t"],
  [/^\/etc\/selinux(\/.*)?$/, "selinux_config_t"],
  [/^\/etc\/containers(\/.*)?$/, "etc_t"],
  [/^\/etc\/docker(\/.*)?$/, "container_config_t"],
  [/^\/etc(\/.*)?$/, "etc_t"],
  [/^\/root(\/.*)?$/, "admin_home_t"],
  [/^\/home$/, "home_root_t"],
  [/^\/home\/[^/]+$/, "user_home_dir_t"],
  [/^\/home\/[^/]+\/.+$/, "user_home_t"],
  [/^\/tmp$/, "tmp_t"],
  [/^\/tmp\/.+$/, "user_tmp_t"],
  [/^\/var\/tmp$/, "tmp_t"],
  [/^\/var\/lib\/containers(\/.*)?$/, "container_var_lib_t"],
  [/^\/var\/lib\/containers\/storage\/overlay(-images|-layers)?(\/.*)?$/, "container_ro_file_t"],
  [/^\/var\/lib\/docker(\/.*)?$/, "container_var_lib_t"],
  [/^\/var\/lib\/docker\/overlay2(\/.*)?$/, "container_ro_file_t"],
  [/^\/var\/log\/audit(\/.*)?$/, "auditd_log_t"],
  [/^\/var\/log(\/.*)?$/, "var_log_t"],
  [/^\/var\/run$/, "var_run_t"],
  [/^\/var\/lib(\/.*)?$/, "var_lib_t"],
  [/^\/var(\/.*)?$/, "var_t"],
  [/^\/run\/containers(\/.*)?$/, "container_var_run_t"],
  [/^\/run(\/.*)?$/, "var_run_t"],
  [/^\/usr\/bin\/(podman|runc|crun|docker|docker-current|dockerd|dockerd-current|containerd|docker-containerd-current)$/, "container_runtime_exec_t"],
  [/^\/usr\/bin\/conmon$/, "conmon_exec_t"],
  [/^\/(usr\/)?s?bin(\/.*)?$/, "bin_t"],
  [/^\/usr\/libexec(\/.*)?$/, "bin_t"],
  [/^\/(usr\/)?lib(64)?(\/.*)?$/, "lib_t"],
  [/^\/usr\/share(\/.*)?$/, "usr_t"],
  [/^\/usr(\/.*)?$/, "usr_t"],
  [/^\/mnt(\/[^/]*)?$/, "mnt_t"],
  [/^\/media(\/.*)?$/, "mnt_t"],
  [/^\/opt(\/.*)?$/, "usr_t"],
  [/^\/srv(\/.*)?$/, "var_t"],
  [/^\/boot(\/.*)?$/, "boot_t"],
  [/^\/dev(\/.*)?$/, "device_t"],
  [/^\/proc(\/.*)?$/, "proc_t"],
  [/^\/sys(\/.*)?$/, "sysfs_t"],
  [/^\/$/, "root_t"],
];

/** matchpathcon: the label the policy gives `path` on a freshly installed host. */
export function defaultFileLabel(path: string): string {
  for (const [re, type] of FILE_CONTEXTS) if (re.test(path)) return `system_u:object_r:${type}:s0`;
  return DEFAULT_FILE;
}

/**
 * The label of a file a process creates in a directory (security_compute_create / type_transition rules).
 * The targeted policy's rules that a lab meets: an unconfined process creating in a `tmp_t` dir gets
 * `user_tmp_t`; in the admin's home `admin_home_t`; otherwise the new file inherits the parent's type. The SELinux
 * user is the creator's, the role `object_r`, the level the creator's low level.
 */
export function labelForNewFile(creator: string, parentDir: string): string {
  const p = parseContext(creator);
  const dir = parseContext(parentDir);
  let type = dir.type;
  let level = lowLevel(p.level);
  if (p.type === "unconfined_t" && dir.type === "tmp_t") type = "user_tmp_t";
  // confined container processes create files at their own level, which is the level of their mount label
  if (p.type === "container_t" || p.type === "spc_t") level = dir.level;
  return formatContext({ user: p.user === "unconfined_u" ? "unconfined_u" : dir.user, role: "object_r", type, level });
}

/** The policy's answer for one permission (security_compute_av), without auditing: see kernel/avc.ts for that. */
export function checkAccess(source: string, target: string, cls: string, perm: string): "allow" | "EACCES" {
  return deniedPerms(source, target, cls, [perm]).length === 0 ? "allow" : "EACCES";
}

/** The private label `:Z` gives a volume: the container's mount label (container_file_t at its MCS level). */
export function privateVolumeLabel(mountLabel: string): string {
  return withType(mountLabel, "container_file_t");
}

/** The shared label `:z` gives a volume: container_file_t at s0, readable by every container. */
export function sharedVolumeLabel(): string {
  return "system_u:object_r:container_file_t:s0";
}
