// The typed checks' public API: read a check block's YAML into checks (with errors located in the Markdown
// file), run a check's probes on any host, and judge the output. The runner, lint, self-test and grader all
// come through here.
//
//   parseCheckSpec(yaml, origin)  → { checks } | { errors: [{ line, column, message }] }
//   runCheck(check, run)          → Verdict        (run = the target's `command → {stdout, stderr, exitCode}`)
//   runChecks(checks, run, { batch: true }) → Verdict[] in one round trip (SSH)
//   lintCheckBlock(yaml, origin)  → diagnostics, including probes that would change the host
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { z } from "zod";
import { PROBE_MISSING, runProbes, type CommandResult, type RunProbe } from "./probe.js";
import { capabilityProbe, lacksCapability, LACKS } from "./typed/capabilities.js";
import type { Capability, CheckType, CommonSpec, Verdict } from "./typed/check-type.js";
import { commonFields, errorVerdict, notApplicable } from "./typed/check-type.js";
import { CHECK_TYPES, findCheckType } from "./typed/index.js";
import { whyNotReadOnly } from "./typed/read-only.js";

export type { Verdict, VerdictStatus, Capability } from "./typed/check-type.js";
export type { CommandResult, RunProbe } from "./probe.js";
export { CHECK_TYPES } from "./typed/index.js";

/** Where a check block's YAML starts in the Markdown file (1-based, as the parser reports `yamlLine`). */
export interface Origin {
  file: string;
  line: number;
  column: number;
  /** true for `<!-- check … -->` comments: every check of the block is hidden from students */
  hidden?: boolean;
}

/** One validated check, ready to run. */
export interface Check {
  type: string;
  /** the validated fields: common ones (title, points, hint, message, hidden, requires) and the type's own */
  spec: CommonSpec & Record<string, unknown>;
  /** where the check starts in the lab file */
  origin: Origin;
}

/** A problem in a check block, at an absolute position in the Markdown file. */
export interface CheckError {
  line: number;
  column: number;
  message: string;
}

/** A located lint finding, in the shape `runner/lint` rules report. */
export interface CheckDiagnostic extends CheckError {
  severity: "error" | "warning";
}

/** Reads one check block (a mapping, or a sequence of mappings) into validated checks. */
export function parseCheckSpec(yamlText: string, origin: Origin): { checks: Check[] } | { errors: CheckError[] } {
  const { result } = readBlock(yamlText, origin);
  return result;
}

// Parses and validates a block, keeping the YAML document so lint can place its own findings without reparsing.
function readBlock(yamlText: string, origin: Origin) {
  const lc = new LineCounter();
  const doc = parseDocument(yamlText.length > MAX_BLOCK ? "" : yamlText, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): { line: number; column: number } => {
    const p = lc.linePos(Math.max(0, Math.min(offset, yamlText.length)));
    return { line: origin.line + p.line - 1, column: p.line === 1 ? origin.column + p.col - 1 : p.col };
  };
  const done = (result: { checks: Check[] } | { errors: CheckError[] }) => ({ result, doc, at, syntaxError: doc.errors.length > 0 });
  if (yamlText.length > MAX_BLOCK) return done({ errors: [{ ...at(0), message: `a check block is longer than ${MAX_BLOCK / 1024} KiB` }] });
  if (doc.errors.length) {
    return done({ errors: doc.errors.map((e) => ({ ...at(e.pos[0]), message: `YAML: ${e.message.split("\n")[0]}` })) });
  }
  const root = doc.contents;
  if (!root) return done({ errors: [{ ...at(0), message: "the check block is empty" }] });
  let js: unknown;
  try {
    // toJS expands aliases; the yaml library stops alias bombs ("billion laughs") by throwing.
    js = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return done({ errors: [{ ...at(0), message: `the check block could not be read: ${(err as Error).message}` }] });
  }
  const items: Array<{ value: unknown; path: number[] }> = isSeq(root)
    ? (js as unknown[]).map((value, i) => ({ value, path: [i] }))
    : [{ value: js, path: [] }];
  const checks: Check[] = [];
  const errors: CheckError[] = [];
  for (const { value, path } of items) {
    const node = locate(doc, path);
    const start = at(node?.range?.[0] ?? 0);
    const result = validateOne(value);
    if ("problems" in result) {
      for (const p of result.problems) {
        const target = locate(doc, [...path, ...p.path], p.key);
        errors.push({ ...at(target?.range?.[0] ?? node?.range?.[0] ?? 0), message: p.message });
      }
      continue;
    }
    const spec = { ...result.spec, hidden: result.spec.hidden || origin.hidden === true };
    checks.push({ type: result.type.type, spec, origin: { ...origin, ...start } });
  }
  return done(errors.length ? { errors } : { checks });
}

// An engine that is installed but can't answer is the host's problem, not a "no such container" for the student.
const ENGINE_DOWN: Array<[RegExp, string]> = [
  [/Cannot connect to the Docker daemon/, "the docker daemon is not running on this host"],
  [/cannot connect to Podman|unable to connect to Podman socket/i, "podman cannot reach its service on this host"],
];

/** The longest check block read; a check is a few lines, so anything bigger is a mistake or an attack. */
const MAX_BLOCK = 64 * 1024;

type Problem = { path: Array<string | number>; key?: string; message: string };

// A type's schema with the common fields, built once per type (building zod schemas is the slow part of linting).
const schemas = new Map<CheckType, z.ZodObject<any>>();
function fullSchema(type: CheckType): z.ZodObject<any> {
  let schema = schemas.get(type);
  if (!schema) {
    schema = z.strictObject({ ...commonFields, ...type.schema.shape, type: z.literal(type.type) });
    schemas.set(type, schema);
  }
  return schema;
}

function validateOne(value: unknown): { type: CheckType; spec: Check["spec"] } | { problems: Problem[] } {
  const names = CHECK_TYPES.map((t) => t.type);
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { problems: [{ path: [], message: "a check is a mapping of fields, e.g. `type: process` and `title: …`" }] };
  }
  const typeName = (value as Record<string, unknown>).type;
  if (typeName === undefined) return { problems: [{ path: [], message: `a check needs a type: one of ${names.join(", ")}` }] };
  const type = typeof typeName === "string" ? findCheckType(typeName) : undefined;
  if (!type) {
    const near = typeof typeName === "string" ? closest(typeName, names) : null;
    return {
      problems: [{ path: ["type"], message: `unknown check type "${String(typeName)}"${near ? ` (did you mean "${near}"?)` : ""}; known: ${names.join(", ")}` }],
    };
  }
  const schema = fullSchema(type);
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const known = Object.keys(schema.shape);
    return {
      problems: parsed.error.issues.flatMap((issue): Problem[] => {
        const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
        if (issue.code === "unrecognized_keys") {
          return issue.keys.map((key) => {
            const near = closest(key, path.length ? [] : known);
            return { path, key, message: `unknown field "${key}" for a ${type.type} check${near ? ` (did you mean "${near}"?)` : ""}` };
          });
        }
        const field = path.length ? `${path.join(".")}: ` : "";
        const missing = issue.code === "invalid_type" && valueAt(value, path) === undefined;
        return [{ path, message: missing ? `${field}required for a ${type.type} check` : `${field}${issue.message}` }];
      }),
    };
  }
  const spec = parsed.data as unknown as Check["spec"];
  const problems = type.validate?.(spec as never) ?? [];
  if (problems.length) return { problems: problems.map((p) => ({ path: p.path, message: p.message })) };
  return { type, spec };
}

function valueAt(value: unknown, path: Array<string | number>): unknown {
  let cur: unknown = value;
  for (const step of path) cur = cur && typeof cur === "object" ? (cur as Record<string | number, unknown>)[step] : undefined;
  return cur;
}

// The YAML node at a path of keys/indices; with `key`, the key node itself (for "unknown field" errors).
function locate(doc: Document, path: Array<string | number>, key?: string): Node | null {
  let node: unknown = doc.contents;
  let last: Node | null = (doc.contents as Node) ?? null;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step);
      if (!pair) return last;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof step === "number") {
      node = node.items[step];
    } else return last;
    if (node && typeof node === "object" && "range" in node) last = node as Node;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.key)) return pair.key;
  }
  return last;
}

/** Every probe a check sends: first its capability probes (SELinux, podman …), then its type's probes. */
export function checkProbes(check: Check): string[] {
  const type = findCheckType(check.type);
  if (!type) return []; // evaluateCheck reports the unknown type
  try {
    return [...capabilitiesOf(check, type).map(capabilityProbe), ...type.probes(check.spec)];
  } catch {
    return []; // a hand-built spec the parser never saw; evaluateCheck turns it into an error verdict
  }
}

/** Judges a check from the results of `checkProbes(check)`, in order. Never throws. */
export function evaluateCheck(check: Check, results: CommandResult[]): Verdict {
  const type = findCheckType(check.type);
  if (!type) return errorVerdict(check.spec, `unknown check type "${check.type}"`);
  const caps = capabilitiesOf(check, type);
  for (let i = 0; i < caps.length; i++) {
    const r = results[i];
    if (r && r.exitCode !== PROBE_MISSING && lacksCapability(caps[i], r)) return notApplicable(check.spec, LACKS[caps[i]], (r.stdout + r.stderr).trim());
  }
  const own = results.slice(caps.length);
  const missing = own.find((r) => !r || r.exitCode === PROBE_MISSING);
  if (missing || results.length < checkProbes(check).length || results.length === 0) {
    return errorVerdict(check.spec, "the host did not answer every probe", missing?.stderr ?? "");
  }
  const down = own.map((r) => ENGINE_DOWN.find(([re]) => re.test(r.stderr))).find(Boolean);
  if (down) return errorVerdict(check.spec, down[1], own.map((r) => r.stderr).join("").trim());
  try {
    return type.evaluate(check.spec, own);
  } catch (err) {
    return errorVerdict(check.spec, `could not judge the probe output: ${(err as Error)?.message ?? String(err)}`);
  }
}

/** Runs a check's probes through `run` and judges them. Never throws: a broken host gives an "error" verdict. */
export async function runCheck(check: Check, run: RunProbe, options: { batch?: boolean } = {}): Promise<Verdict> {
  const probes = checkProbes(check);
  return evaluateCheck(check, await runProbes(probes, run, options.batch ?? false));
}

/** Runs many checks, each distinct probe once; with `batch`, all of them in a single round trip. */
export async function runChecks(checks: Check[], run: RunProbe, options: { batch?: boolean } = {}): Promise<Verdict[]> {
  const plans = checks.map(checkProbes);
  const results = await runProbes(plans.flat(), run, options.batch ?? false);
  let at = 0;
  return checks.map((check, i) => {
    const mine = results.slice(at, at + plans[i].length);
    at += plans[i].length;
    return evaluateCheck(check, mine);
  });
}

/**
 * Lint for one check block: schema errors, and probes that would change the host (issue 7), located.
 * `syntax: false` leaves YAML syntax errors out (the lint rule check-yaml reports those); `onCheck` receives each
 * valid check, for rules that look across blocks (duplicate ids).
 */
export function lintCheckBlock(
  yamlText: string,
  origin: Origin,
  options: { syntax?: boolean; onCheck?: (check: Check) => void } = {},
): CheckDiagnostic[] {
  const { result: parsed, doc, at, syntaxError } = readBlock(yamlText, origin);
  if (syntaxError && options.syntax === false) return [];
  if ("errors" in parsed) return parsed.errors.map((e) => ({ ...e, severity: "error" as const }));
  parsed.checks.forEach((check) => options.onCheck?.(check));
  const diagnostics: CheckDiagnostic[] = [];
  const sequence = isSeq(doc.contents);
  parsed.checks.forEach((check, i) => {
    const type = findCheckType(check.type)!;
    const here = (field: string) => at(locate(doc, sequence ? [i, field] : [field])?.range?.[0] ?? 0);
    if (type.changesHost?.(check.spec)) {
      diagnostics.push({
        ...here("probe"),
        severity: "warning",
        message: `this ${check.type} check runs a container on the graded host (the documented exception to read-only probes); prefer probe: observed`,
      });
      return;
    }
    for (const probe of type.probes(check.spec)) {
      const why = whyNotReadOnly(probe);
      if (why) diagnostics.push({ ...here("command"), severity: "error", message: `a check's probe must only read the host, but ${why}: ${probe}` });
    }
  });
  return diagnostics;
}

/** One line for a report: "pass: …", "not applicable: SELinux is disabled on this host". */
export function describeVerdict(v: Verdict): string {
  return `${v.status === "not-applicable" ? "not applicable" : v.status}: ${v.message}`;
}

/** The name a check goes by in messages: its id, else its title. */
export function checkName(check: Check): string {
  return check.spec.id ?? check.spec.title;
}

// Capabilities a check needs: what the author wrote plus what its type always needs, each once.
function capabilitiesOf(check: Check, type: CheckType): Capability[] {
  return [...new Set([...(check.spec.requires ?? []), ...(type.requires?.(check.spec) ?? [])])];
}

// The nearest known word within two edits, for "did you mean" hints.
function closest(word: string, known: string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
