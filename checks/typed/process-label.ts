// `type: process-label` — the SELinux labels of processes: their domain (container_t), their level, and that
// containers got distinct MCS pairs (sVirt: podman gives each container its own `s0:cA,cB`, so one container's
// process can't touch another's files even though both are container_t — host-facts/selinux/README-selinux-mcs.md).
// The processes are named by command line (read from `ps -efZ`), or as containers (`containers: [a, b]`, whose
// process label `podman container inspect` reports).
import { z } from "zod";
import type { CheckType, CommonSpec, CountSpec, SpecProblem, Verdict } from "./check-type.js";
import { countMatches, countSchema, describeCount, errorVerdict, fail, notApplicable, pass } from "./check-type.js";
import { LACKS } from "./capabilities.js";
import { containerArg, containerRef, engineField, type Engine } from "./container-ref.js";
import { parsePs } from "./formats/ps.js";
import { isNoLabel, mcsCategories, parseContext } from "./formats/selinux-context.js";
import { describeSelector, processFields, selectProcesses, validateSelector, type ProcessSelector } from "./process-match.js";
import { PS_PROBE } from "./process.js";

type ProcessLabelSpec = CommonSpec &
  ProcessSelector & { containers?: string[]; engine: Engine; level?: string; "distinct-mcs": boolean; count?: CountSpec };

/** One process whose label is judged: who it is (for messages), its label as printed, the line that showed it. */
interface Labelled {
  who: string;
  label: string;
  line: string;
}

export const processLabelCheck: CheckType<ProcessLabelSpec> = {
  type: "process-label",
  summary: "the SELinux labels of processes or containers: domain, level, distinct MCS pairs across them",
  schema: z.strictObject({
    ...processFields,
    containers: z.array(containerRef).min(1).optional(),
    engine: engineField,
    level: z.string().regex(/^s\d+(?:[-:][\w.,:-]+)?$/, "a level looks like s0 or s0:c322,c619").optional(),
    "distinct-mcs": z.boolean().default(false),
    count: countSchema.optional(),
  }),
  validate(spec) {
    const byCommand = spec.command || spec["command-contains"] || spec["command-matches"];
    const problems: SpecProblem[] = spec.containers
      ? byCommand
        ? [{ path: ["containers"], message: "name processes by command or by containers, not both" }]
        : []
      : validateSelector(spec);
    if (!spec["selinux-type"] && !spec.level && !spec["distinct-mcs"]) {
      problems.push({ path: [], message: "say what the label must be: selinux-type, level or distinct-mcs: true" });
    }
    return problems;
  },
  requires: (spec) => ["selinux", ...(spec.containers ? [spec.engine] : [])],
  probes: (spec) =>
    spec.containers
      ? [`${spec.engine} container inspect --format '{{.Name}} {{.ProcessLabel}}' ${spec.containers.map((c) => containerArg(spec.engine, c)).join(" ")}`]
      : [PS_PROBE],
  evaluate(spec, [r]) {
    return spec.containers ? judgeContainers(spec, r.stdout, r.stderr) : judgeProcesses(spec, r.stdout, r.stderr);
  },
};

function judgeProcesses(spec: ProcessLabelSpec, stdout: string, stderr: string): Verdict {
  const rows = parsePs(stdout);
  if (rows.length === 0) return errorVerdict(spec, "could not read the process table (ps printed no processes)", stderr || stdout);
  if (rows.every((r) => isNoLabel(r.label))) return notApplicable(spec, LACKS.selinux, rows[0].line);
  // The domain is a property to verify, not a filter, unless the author named processes only by domain.
  const byCommand = spec.command || spec["command-contains"] || spec["command-matches"];
  const selector = byCommand ? { ...spec, "selinux-type": undefined } : spec;
  const found = selectProcesses(rows, selector);
  const items = found.map((row) => ({ who: `process ${row.pid}`, label: row.label, line: row.line }));
  return judge(spec, items, `processes ${describeSelector(selector)}`);
}

function judgeContainers(spec: ProcessLabelSpec, stdout: string, stderr: string): Verdict {
  const items: Labelled[] = [];
  for (const line of stdout.split("\n")) {
    const m = /^\/?(\S+) ?(.*)$/.exec(line.trim());
    if (m) items.push({ who: `container ${m[1]}`, label: m[2].trim(), line: line.trim() });
  }
  if (items.length && items.every((i) => isNoLabel(i.label))) return notApplicable(spec, LACKS.selinux, items[0].line);
  const want = spec.containers!.length;
  if (items.length < want) {
    return fail(spec, `found ${items.length} of the ${want} containers ${spec.containers!.join(", ")}`, (stderr.trim().split("\n")[0] ?? "") || stdout);
  }
  return judge(spec, items, `containers ${spec.containers!.join(", ")}`);
}

// The checks common to both ways of naming processes: how many, domain, level, distinct categories.
function judge(spec: ProcessLabelSpec, items: Labelled[], what: string): Verdict {
  const evidence = items.map((i) => i.line).join("\n");
  const count = spec.count ?? (spec["distinct-mcs"] ? { min: 2 } : undefined);
  if (!countMatches(count, items.length)) return fail(spec, `expected ${describeCount(count)} ${what}, found ${items.length}`, evidence);
  for (const item of items) {
    const context = parseContext(item.label);
    if (!context) return fail(spec, `${item.who} has no readable SELinux label ("${item.label}")`, item.line);
    if (spec["selinux-type"] && context.type !== spec["selinux-type"]) return fail(spec, `${item.who} runs as ${context.type}, not ${spec["selinux-type"]}`, item.line);
    if (spec.level && context.level !== spec.level) return fail(spec, `${item.who} has level ${context.level}, not ${spec.level}`, item.line);
  }
  if (!spec["distinct-mcs"]) return pass(spec, `${items.length} ${what} labelled as expected`, evidence);
  const seen = new Map<string, string>();
  for (const item of items) {
    const cats = mcsCategories(parseContext(item.label)!.level);
    if (!cats) return fail(spec, `${item.who} has no MCS categories (level without cA,cB)`, item.line);
    const other = seen.get(cats);
    if (other !== undefined) return fail(spec, `${other.replace(/^process /, "processes ")} and ${item.who.replace(/^process /, "")} share the MCS pair ${cats}`, evidence);
    seen.set(cats, item.who);
  }
  return pass(spec, `${items.length} ${what} with ${items.length} distinct MCS pairs`, evidence);
}
