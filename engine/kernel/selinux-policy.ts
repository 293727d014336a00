/**
 * The SELinux access decision (security/selinux/ss/services.c `security_compute_av`, the targeted policy of RHEL
 * with container-selinux): may a process of type S do PERMS on an object of type T and class C? Two checks, both
 * must pass:
 *
 * - **Type enforcement.** An allow rule must grant each permission. Only the container domains are confined here:
 *   `container_t` (and the other container_domain types) may use `container_file_t` fully, may read the usual
 *   system types (etc_t, bin_t, lib_t, usr_t …, never shadow_t) and may `getattr` anything; everything else —
 *   `user_home_t`, `admin_home_t`, `user_tmp_t`, writes to `tmp_t`, the audit log … — has no rule and is denied.
 *   Every other domain (`unconfined_t` of the root login, `spc_t` of `label=disable`/`--privileged`, `kernel_t`,
 *   the engines' `container_runtime_t`) is unconfined: the real policy gives them (nearly) everything.
 * - **MCS.** For an mcs_constrained domain (container_t is one) the process' high level must dominate the object's
 *   level: `s0:c1,c2` dominates `s0:c1,c2`, `s0:c1` and `s0`, but not `s0:c3,c4` nor `s0:c1,c3` (policy/mcs
 *   `mlsconstrain … (h1 dom h2)`). This is what keeps a container out of another container's `:Z` volume even
 *   though both files are `container_file_t`.
 *
 * Simplifications on purpose: a small table instead of the 100,000 rules of the real policy; `getattr` is never
 * MCS-constrained and always granted to containers (so `ls -dZ` of a foreign volume shows its label); no
 * dontaudit rules, no booleans. The table is data: one row per allow rule.
 */

/** The file-ish object classes a rule may name. */
export const FILE_CLASSES = ["file", "dir", "lnk_file", "chr_file", "blk_file", "fifo_file", "sock_file"] as const;

/** What reading (and walking, and running) a file asks for. */
const READ_PERMS = ["read", "open", "getattr", "search", "execute", "execute_no_trans", "ioctl", "lock", "map"];

/** The domains container-selinux confines (the `container_domain` attribute). */
export const CONTAINER_DOMAINS = ["container_t", "container_init_t", "container_logreader_t"];

/** System types a container may read (files_read_etc_files, corecmd_exec_bin, libs_use_shared_libs …). */
const SYSTEM_READ_TYPES = [
  "etc_t", "bin_t", "lib_t", "usr_t", "root_t", "var_t", "var_lib_t", "var_run_t", "net_conf_t", "passwd_file_t",
  "hostname_etc_t", "locale_t", "cert_t", "ld_so_t", "ld_so_cache_t", "textrel_shlib_t", "shell_exec_t", "proc_t",
  "sysfs_t", "device_t", "tmp_t", "home_root_t", "mnt_t", "container_ro_file_t", "container_var_run_t", "container_share_t",
];

/**
 * One allow rule: `allow <sources> <targets>:<classes> { perms };` ("*" = every permission / every type; "self" =
 * the source's own type, as a process' /proc files carry its label).
 */
export interface AllowRule {
  sources: readonly string[];
  targets: readonly string[] | "*";
  classes: readonly string[];
  perms: readonly string[] | "*";
}

/** The confined part of the policy, as data. */
export const POLICY: readonly AllowRule[] = [
  // a container owns its files: the rootfs (context= mount) and volumes relabelled for it
  { sources: CONTAINER_DOMAINS, targets: ["container_file_t"], classes: FILE_CLASSES, perms: "*" },
  { sources: CONTAINER_DOMAINS, targets: SYSTEM_READ_TYPES, classes: FILE_CLASSES, perms: READ_PERMS },
  // its own processes' /proc/<pid> files
  { sources: CONTAINER_DOMAINS, targets: ["self"], classes: FILE_CLASSES, perms: READ_PERMS },
  { sources: CONTAINER_DOMAINS, targets: "*", classes: FILE_CLASSES, perms: ["getattr"] },
  // container_logreader_t: a container that may read the host's logs (container-selinux)
  { sources: ["container_logreader_t"], targets: ["var_log_t", "auditd_log_t"], classes: FILE_CLASSES, perms: READ_PERMS },
];

/** Domains under the MCS constraint (the mcs_constrained_type attribute). */
const MCS_CONSTRAINED = new Set(CONTAINER_DOMAINS);
/** Permissions the MCS constraint does not look at. */
const MCS_FREE = new Set(["getattr"]);

/** The type field of a context ("u:r:t:level" → "t"). */
export function typeOf(context: string): string {
  const a = context.indexOf(":");
  const b = context.indexOf(":", a + 1);
  if (a < 0 || b < 0) return context;
  const c = context.indexOf(":", b + 1);
  return c < 0 ? context.slice(b + 1) : context.slice(b + 1, c);
}

/** Whether the policy confines this domain at all (the gate skips the object lookup for the others). */
export function isConfinedDomain(type: string): boolean {
  return MCS_CONSTRAINED.has(type) || POLICY.some((r) => r.sources.includes(type));
}

/** The categories of one end of a level: "s0:c1,c5.c7" → {1,5,6,7}; "s0" → {}. */
function categories(end: string): Set<number> {
  const out = new Set<number>();
  const colon = end.indexOf(":");
  if (colon < 0) return out;
  for (const part of end.slice(colon + 1).split(",")) {
    const m = /^c(\d+)(?:\.c(\d+))?$/.exec(part);
    if (!m) continue;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    for (let c = lo; c <= hi && c < 1024; c++) out.add(c);
  }
  return out;
}

/** The level part of a context ("u:r:t:s0:c1,c2" → "s0:c1,c2"). */
export function levelOfContext(context: string): string {
  const parts = context.split(":");
  return parts.slice(3).join(":") || "s0";
}

/** MLS dominance: the high end of `subject` holds every category of the low end of `object`. */
export function dominates(subjectLevel: string, objectLevel: string): boolean {
  const dash = subjectLevel.indexOf("-");
  const high = dash < 0 ? subjectLevel : subjectLevel.slice(dash + 1);
  const low = objectLevel.split("-")[0]!;
  const have = categories(high);
  for (const c of categories(low)) if (!have.has(c)) return false;
  return true;
}

function ruleGrants(rule: AllowRule, source: string, target: string, cls: string, perm: string): boolean {
  const typeOk = rule.targets === "*" || rule.targets.includes(target) || (target === source && rule.targets.includes("self"));
  return rule.sources.includes(source) && typeOk &&
    rule.classes.includes(cls) && (rule.perms === "*" || rule.perms.includes(perm));
}

/**
 * security_compute_av for one request: the permissions of `perms` that the policy denies `scontext` on an
 * object labelled `tcontext` of class `tclass` (empty = allowed).
 */
export function deniedPerms(scontext: string, tcontext: string, tclass: string, perms: readonly string[]): string[] {
  const source = typeOf(scontext);
  if (!isConfinedDomain(source)) return [];
  const target = typeOf(tcontext);
  const mcsOk = !MCS_CONSTRAINED.has(source) || dominates(levelOfContext(scontext), levelOfContext(tcontext));
  const denied: string[] = [];
  for (const perm of perms) {
    const te = POLICY.some((r) => ruleGrants(r, source, target, tclass, perm));
    if (!te || (!mcsOk && !MCS_FREE.has(perm))) denied.push(perm);
  }
  return denied;
}
