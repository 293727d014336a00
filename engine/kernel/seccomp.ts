/**
 * seccomp: the kernel's per-task system call filter (seccomp(2), SECCOMP_SET_MODE_FILTER).
 *
 * A container engine reads a JSON profile (the format of containers/common and moby: `defaultAction`,
 * `syscalls[]` with `names`, `action`, `errnoRet`, `args`, `includes`/`excludes`), turns it into a BPF program
 * and the OCI runtime (runc, crun) loads it into the container's first task; every task forked from it inherits
 * the filter, and it can never be removed. On each system call the kernel runs the filter and either lets the
 * call through or returns the chosen errno, kills the task, traps or logs.
 *
 * What always holds here:
 * - a filter is plain data (structured-cloneable), so a snapshot of the host carries it;
 * - rules are tried in profile order; for one syscall an unconditional rule wins over rules with argument
 *   conditions (libseccomp merges them that way); when nothing matches, `defaultAction` applies;
 * - `SCMP_ACT_ERRNO` without `errnoRet` returns EPERM (runc's libcontainer/seccomp and crun do so);
 * - `includes.caps` needs every listed capability in the container's set, `excludes.caps` drops the rule if any
 *   listed capability is present (containers/common pkg/seccomp conversion.go, moby's profile loader);
 * - `arches` are matched against x86_64 (the only machine simulated); `minKernel` is treated as satisfied.
 *   Both are simplifications on purpose.
 * The legacy singular `"name"` key (used by the lab's chmod.json) is accepted, as containers/common does.
 */

/** errno values a filter can return that the simulation names. */
export const EPERM = 1;
export const EINVAL = 22;
export const ENOSYS = 38;

/** The actions of the profile format, as spelled in JSON. */
export type SeccompActionName =
  | "SCMP_ACT_ALLOW"
  | "SCMP_ACT_ERRNO"
  | "SCMP_ACT_KILL"
  | "SCMP_ACT_KILL_PROCESS"
  | "SCMP_ACT_KILL_THREAD"
  | "SCMP_ACT_TRAP"
  | "SCMP_ACT_LOG"
  | "SCMP_ACT_TRACE"
  | "SCMP_ACT_NOTIFY";

const ACTIONS: readonly SeccompActionName[] = [
  "SCMP_ACT_ALLOW",
  "SCMP_ACT_ERRNO",
  "SCMP_ACT_KILL",
  "SCMP_ACT_KILL_PROCESS",
  "SCMP_ACT_KILL_THREAD",
  "SCMP_ACT_TRAP",
  "SCMP_ACT_LOG",
  "SCMP_ACT_TRACE",
  "SCMP_ACT_NOTIFY",
];

/** Comparison operators of an argument condition (seccomp_rule_add(3)). */
export type SeccompOp =
  | "SCMP_CMP_NE"
  | "SCMP_CMP_LT"
  | "SCMP_CMP_LE"
  | "SCMP_CMP_EQ"
  | "SCMP_CMP_GE"
  | "SCMP_CMP_GT"
  | "SCMP_CMP_MASKED_EQ";

const OPS: readonly SeccompOp[] = [
  "SCMP_CMP_NE",
  "SCMP_CMP_LT",
  "SCMP_CMP_LE",
  "SCMP_CMP_EQ",
  "SCMP_CMP_GE",
  "SCMP_CMP_GT",
  "SCMP_CMP_MASKED_EQ",
];

/** One argument condition: compare argument `index` with `value` (MASKED_EQ: `(arg & value) == valueTwo`). */
export interface SeccompArg {
  index: number;
  value: number;
  valueTwo: number;
  op: SeccompOp;
}

/** One rule of a filter. */
export interface SeccompRule {
  /** syscall names the rule covers */
  names: string[];
  /** what happens when it matches */
  action: SeccompActionName;
  /** errno for SCMP_ACT_ERRNO; absent means EPERM */
  errnoRet?: number;
  /** all must hold for the rule to match; empty means unconditional */
  args: SeccompArg[];
  /** the rule applies only if the task holds every one of these capabilities */
  includesCaps: string[];
  /** the rule is dropped if the task holds any of these capabilities */
  excludesCaps: string[];
  /** the rule applies only on these architectures (empty: all) */
  includesArches: string[];
  /** the rule is dropped on these architectures */
  excludesArches: string[];
}

/** A parsed seccomp profile, ready to decide system calls. Plain data. */
export interface SeccompFilter {
  /** where it came from: a file path, "podman default", "docker default" */
  source: string;
  /** action when no rule matches */
  defaultAction: SeccompActionName;
  /** errno for a default ERRNO action; absent means EPERM */
  defaultErrnoRet?: number;
  /** rules in profile order */
  rules: SeccompRule[];
}

/** What the kernel does with one system call. */
export type SeccompDecision =
  | { action: "allow" }
  | { action: "errno"; errno: number }
  | { action: "kill" }
  | { action: "trap" }
  | { action: "log" };

/** The simulated machine's architecture names as profiles spell them. */
const MACHINE_ARCHES = new Set(["amd64", "x86_64", "SCMP_ARCH_X86_64"]);

const ALLOW: SeccompDecision = { action: "allow" };

/** Decide one system call for a task holding `caps` (capability names like "CAP_SYS_ADMIN"). */
export function decideSyscall(
  filter: SeccompFilter,
  call: { name: string; args?: number[] },
  caps: ReadonlySet<string>,
): SeccompDecision {
  let conditional: SeccompRule | undefined;
  for (const rule of filter.rules) {
    if (!rule.names.includes(call.name) || !ruleApplies(rule, caps)) continue;
    if (rule.args.length === 0) return toDecision(rule.action, rule.errnoRet);
    if (conditional === undefined && argsHold(rule.args, call.args ?? [])) conditional = rule;
  }
  if (conditional) return toDecision(conditional.action, conditional.errnoRet);
  return toDecision(filter.defaultAction, filter.defaultErrnoRet);
}

function ruleApplies(rule: SeccompRule, caps: ReadonlySet<string>): boolean {
  for (const c of rule.includesCaps) if (!caps.has(c)) return false;
  for (const c of rule.excludesCaps) if (caps.has(c)) return false;
  if (rule.includesArches.length > 0 && !rule.includesArches.some((a) => MACHINE_ARCHES.has(a))) return false;
  if (rule.excludesArches.some((a) => MACHINE_ARCHES.has(a))) return false;
  return true;
}

function argsHold(conds: SeccompArg[], args: number[]): boolean {
  for (const c of conds) {
    const a = args[c.index] ?? 0;
    switch (c.op) {
      case "SCMP_CMP_NE": if (!(a !== c.value)) return false; break;
      case "SCMP_CMP_LT": if (!(a < c.value)) return false; break;
      case "SCMP_CMP_LE": if (!(a <= c.value)) return false; break;
      case "SCMP_CMP_EQ": if (!(a === c.value)) return false; break;
      case "SCMP_CMP_GE": if (!(a >= c.value)) return false; break;
      case "SCMP_CMP_GT": if (!(a > c.value)) return false; break;
      case "SCMP_CMP_MASKED_EQ":
        // 64-bit masks exceed JS bitwise range; BigInt keeps it exact.
        if ((BigInt(a) & BigInt(c.value)) !== BigInt(c.valueTwo)) return false;
        break;
    }
  }
  return true;
}

function toDecision(action: SeccompActionName, errnoRet: number | undefined): SeccompDecision {
  switch (action) {
    case "SCMP_ACT_ALLOW":
      return ALLOW;
    case "SCMP_ACT_ERRNO":
      return { action: "errno", errno: errnoRet ?? EPERM };
    case "SCMP_ACT_KILL":
    case "SCMP_ACT_KILL_PROCESS":
    case "SCMP_ACT_KILL_THREAD":
      return { action: "kill" };
    case "SCMP_ACT_TRAP":
      return { action: "trap" };
    case "SCMP_ACT_LOG":
      return { action: "log" };
    case "SCMP_ACT_TRACE":
    case "SCMP_ACT_NOTIFY":
      // With no tracer or listener attached the kernel fails the call with ENOSYS (seccomp(2)).
      return { action: "errno", errno: ENOSYS };
  }
}

/** Parse a profile's JSON text; `source` names it (a path) for messages. Errors read like podman's. */
export function parseSeccompProfile(json: string, source: string): SeccompFilter | { error: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    return { error: `decoding seccomp profile failed: ${jsonErrorText(e)}` };
  }
  if (!isObject(doc)) return { error: "decoding seccomp profile failed: json: cannot unmarshal into Go value of type seccomp.Seccomp" };
  const defaultAction = doc.defaultAction ?? "";
  if (!isAction(defaultAction)) return { error: `converting seccomp profile failed: invalid action "${String(defaultAction)}"` };
  const filter: SeccompFilter = { source, defaultAction, rules: [] };
  if (typeof doc.defaultErrnoRet === "number") filter.defaultErrnoRet = doc.defaultErrnoRet;
  const calls = doc.syscalls ?? [];
  if (!Array.isArray(calls)) return { error: "decoding seccomp profile failed: json: cannot unmarshal syscalls" };
  for (const call of calls) {
    if (!isObject(call)) return { error: "decoding seccomp profile failed: json: cannot unmarshal syscall" };
    const rule = parseRule(call);
    if ("error" in rule) return rule;
    filter.rules.push(rule);
  }
  return filter;
}

function parseRule(call: Record<string, unknown>): SeccompRule | { error: string } {
  const names: string[] = [];
  if (Array.isArray(call.names)) for (const n of call.names) if (typeof n === "string") names.push(n);
  if (typeof call.name === "string" && call.name !== "") names.push(call.name);
  if (names.length === 0) return { error: "converting seccomp profile failed: no syscall name given" };
  const action = call.action;
  if (!isAction(action)) return { error: `converting seccomp profile failed: invalid action "${String(action)}"` };
  const args: SeccompArg[] = [];
  if (Array.isArray(call.args)) {
    for (const a of call.args) {
      if (!isObject(a) || !OPS.includes(a.op as SeccompOp)) {
        return { error: `converting seccomp profile failed: invalid operator "${isObject(a) ? String(a.op) : ""}"` };
      }
      args.push({ index: num(a.index), value: num(a.value), valueTwo: num(a.valueTwo), op: a.op as SeccompOp });
    }
  }
  const inc = isObject(call.includes) ? call.includes : {};
  const exc = isObject(call.excludes) ? call.excludes : {};
  const rule: SeccompRule = {
    names,
    action,
    args,
    includesCaps: strings(inc.caps),
    excludesCaps: strings(exc.caps),
    includesArches: strings(inc.arches),
    excludesArches: strings(exc.arches),
  };
  if (typeof call.errnoRet === "number") rule.errnoRet = call.errnoRet;
  return rule;
}

function jsonErrorText(e: unknown): string {
  // Go's encoding/json says e.g. "invalid character '}' looking for beginning of value"; V8's wording differs,
  // so only the gist is kept.
  const msg = e instanceof Error ? e.message : String(e);
  return msg.includes("Unexpected end") ? "unexpected end of JSON input" : "invalid character in JSON input";
}

function isAction(a: unknown): a is SeccompActionName {
  return typeof a === "string" && ACTIONS.includes(a as SeccompActionName);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function num(v: unknown): number {
  return typeof v === "number" ? v : 0;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
}
