// SELinux type aliases: container-selinux renamed Docker-era types and kept the old names as aliases of the new
// ones (`typealias container_t alias svirt_lxc_net_t`, `type container_runtime_t alias docker_t` in container.te),
// so a label printed as svirt_lxc_net_t on a 2017 RHEL 7 host and as container_t today is the same type. Notes
// from either era compare equal on this point; any other type stays literal.

const ALIASES: ReadonlyArray<[RegExp, string]> = [
  [/\bsvirt_lxc_net_t\b/g, "container_t"],
  [/\bsvirt_sandbox_file_t\b/g, "container_file_t"],
  [/\bsvirt_lxc_file_t\b/g, "container_file_t"],
  [/\bdocker_t\b/g, "container_runtime_t"],
  [/\bdocker_exec_t\b/g, "container_runtime_exec_t"],
  [/\bdocker_var_lib_t\b/g, "container_var_lib_t"],
];

/** The text with every aliased SELinux type written under its current name. */
export function canonicalTypes(text: string): string {
  if (!text.includes("svirt_") && !text.includes("docker_")) return text;
  let out = text;
  for (const [alias, name] of ALIASES) out = out.replace(alias, name);
  return out;
}
