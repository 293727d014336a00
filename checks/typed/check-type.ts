// What every typed check has in common: the fields an author may put on any check, the shape of a check type
// (probes + a pure evaluation), and the verdict a student or grader reads.
//
// A check type is the unit of the vocabulary: `type: process`, `type: file-label` … Each lives in its own file
// in this folder and is listed once in `index.ts`. It never imports from `engine/`: the same evaluation must
// judge the simulated host and a real RHEL machine from nothing but their command output.
import { z } from "zod";
import type { CommandResult } from "../probe.js";

/** Host features a check may need; a host without them gets "not-applicable", not a zero it didn't earn. */
export const CAPABILITIES = ["selinux", "podman", "docker"] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Fields any check may carry, whatever its type. */
export const commonFields = {
  /** stable name for reports and self-test messages */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "an id is letters, digits, '.', '_' or '-'").optional(),
  /** a sentence the student reads, e.g. "the two sleep containers run with distinct MCS pairs" */
  title: z.string().min(1, "a check needs a title the student can read").max(500, "a title is one sentence (at most 500 characters)"),
  points: z.number().int().min(0).max(1000).default(1),
  hint: z.string().optional(),
  /** shown instead of the built-in failure message */
  message: z.string().optional(),
  hidden: z.boolean().default(false),
  requires: z.array(z.enum(CAPABILITIES)).default([]),
};

export type CommonSpec = {
  id?: string;
  title: string;
  points: number;
  hint?: string;
  message?: string;
  hidden: boolean;
  requires: Capability[];
};

export type VerdictStatus = "pass" | "fail" | "not-applicable" | "error";

/** The outcome of one check on one host. */
export interface Verdict {
  status: VerdictStatus;
  /** points earned: maxPoints on pass, else 0 */
  points: number;
  maxPoints: number;
  /** why, in words a student understands; on "not-applicable" the missing capability */
  message: string;
  /** the short part of the probe output that decided (a few lines at most) */
  evidence: string;
}

/** A problem in a spec that zod's shape can't express (e.g. "give command or command-matches"). */
export interface SpecProblem {
  /** path to the offending field inside the check's mapping ([] = the check itself) */
  path: Array<string | number>;
  message: string;
}

/** One entry of the vocabulary. `S` is the validated spec: common fields plus the type's own. */
export interface CheckType<S extends CommonSpec = any> {
  type: string;
  /** what the type verifies, for docs and unknown-type errors */
  summary: string;
  /** the type's own fields (common fields are added by the parser) */
  schema: z.ZodObject<any>;
  /** cross-field rules zod's shape can't express */
  validate?(spec: S): SpecProblem[];
  /** capabilities the type always needs (SELinux for labels, the engine for containers) */
  requires?(spec: S): Capability[];
  /** read-only POSIX shell commands; evaluate receives their results in the same order */
  probes(spec: S): string[];
  /** a pure function of the probe output; must not throw on odd output (the caller guards anyway) */
  evaluate(spec: S, results: CommandResult[]): Verdict;
  /** true when a probe must change the host (only seccomp's `probe: run`); lint warns about it */
  changesHost?(spec: S): boolean;
}

const EVIDENCE_MAX = 600;

/** A passing verdict worth the check's points. */
export function pass(spec: CommonSpec, message: string, evidence = ""): Verdict {
  return { status: "pass", points: spec.points, maxPoints: spec.points, message, evidence: shortEvidence(evidence) };
}

/** A failing verdict; the author's `message` replaces the built-in one, which stays in the evidence trail. */
export function fail(spec: CommonSpec, message: string, evidence = ""): Verdict {
  return { status: "fail", points: 0, maxPoints: spec.points, message: spec.message ?? message, evidence: shortEvidence(evidence) };
}

/** The host lacks what the check needs (no SELinux, no podman): the zero is the host's, not the student's. */
export function notApplicable(spec: CommonSpec, reason: string, evidence = ""): Verdict {
  return { status: "not-applicable", points: 0, maxPoints: spec.points, message: reason, evidence: shortEvidence(evidence) };
}

/** The probes' output could not be judged (a hung host, garbage): neither the student's pass nor fail. */
export function errorVerdict(spec: CommonSpec, message: string, evidence = ""): Verdict {
  return { status: "error", points: 0, maxPoints: spec.points, message, evidence: shortEvidence(evidence) };
}

/** A few lines of output, control characters made visible, capped so reports stay readable. */
export function shortEvidence(text: string): string {
  const visible = text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  const lines = visible.split("\n");
  let out = lines.slice(0, 8).join("\n");
  if (lines.length > 8) out += `\n… (${lines.length - 8} more lines)`;
  return out.length > EVIDENCE_MAX ? out.slice(0, EVIDENCE_MAX) + "…" : out;
}

/** A path on the host: absolute, one line, no NUL (it is shell-quoted into probes). */
export const absolutePath = z
  .string()
  .regex(/^\/[^\0\n]*$/, "a path must be absolute (start with /)")
  .max(4096);

/** How many of something a check expects: exactly N, or a range. */
export const countSchema = z.union([
  z.number().int().min(0),
  z.strictObject({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }),
]);
export type CountSpec = z.infer<typeof countSchema>;

/** Whether `n` satisfies a count spec (default: at least one). */
export function countMatches(count: CountSpec | undefined, n: number): boolean {
  if (count === undefined) return n >= 1;
  if (typeof count === "number") return n === count;
  return n >= (count.min ?? 0) && n <= (count.max ?? Infinity);
}

/** "2", "at least 1", "between 1 and 3" — for messages. */
export function describeCount(count: CountSpec | undefined): string {
  if (count === undefined) return "at least 1";
  if (typeof count === "number") return String(count);
  if (count.max === undefined) return `at least ${count.min ?? 0}`;
  if (count.min === undefined || count.min === 0) return `at most ${count.max}`;
  return count.min === count.max ? String(count.min) : `between ${count.min} and ${count.max}`;
}
