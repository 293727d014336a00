// `type: process-label` — the SELinux labels of processes: their domain (container_t), their level, and that
// containers got distinct MCS pairs (sVirt: podman gives each container its own `s0:cA,cB`, so one container's
// process can't touch another's files even though both are container_t — host-facts/selinux/README-selinux-mcs.md).
import { z } from "zod";
import type { CheckType, CommonSpec, CountSpec } from "./check-type.js";
import { countMatches, countSchema, describeCount, errorVerdict, fail, notApplicable, pass } from "./check-type.js";
import { LACKS } from "./capabilities.js";
import { parsePs } from "./formats/ps.js";
import { isNoLabel, mcsCategories, parseContext } from "./formats/selinux-context.js";
import { describeSelector, processFields, selectProcesses, validateSelector, type ProcessSelector } from "./process-match.js";
import { PS_PROBE } from "./process.js";

type ProcessLabelSpec = CommonSpec &
  ProcessSelector & { level?: string; "distinct-mcs": boolean; count?: CountSpec };

export const processLabelCheck: CheckType<ProcessLabelSpec> = {
  type: "process-label",
  summary: "the SELinux labels of processes: domain, level, distinct MCS pairs across them",
  schema: z.strictObject({
    ...processFields,
    level: z.string().regex(/^s\d+(?:[-:][\w.,:-]+)?$/, "a level looks like s0 or s0:c322,c619").optional(),
    "distinct-mcs": z.boolean().default(false),
    count: countSchema.optional(),
  }),
  validate(spec) {
    const problems = validateSelector(spec);
    if (!spec["selinux-type"] && !spec.level && !spec["distinct-mcs"]) {
      problems.push({ path: [], message: "say what the label must be: selinux-type, level or distinct-mcs: true" });
    }
    return problems;
  },
  requires: () => ["selinux"],
  probes: () => [PS_PROBE],
  evaluate(spec, [ps]) {
    const rows = parsePs(ps.stdout);
    if (rows.length === 0) return errorVerdict(spec, "could not read the process table (ps printed no processes)", ps.stderr || ps.stdout);
    if (rows.every((r) => isNoLabel(r.label))) return notApplicable(spec, LACKS.selinux, rows[0].line);
    // The domain is a property to verify, not a filter, unless the author named processes only by domain.
    const byCommand = spec.command || spec["command-contains"] || spec["command-matches"];
    const found = selectProcesses(rows, byCommand ? { ...spec, "selinux-type": undefined } : spec);
    const evidence = found.map((r) => r.line).join("\n");
    const who = `processes ${describeSelector(byCommand ? { ...spec, "selinux-type": undefined } : spec)}`;
    const count = spec.count ?? (spec["distinct-mcs"] ? { min: 2 } : undefined);
    if (!countMatches(count, found.length)) return fail(spec, `expected ${describeCount(count)} ${who}, found ${found.length}`, evidence);

    for (const row of found) {
      const context = parseContext(row.label);
      if (!context) return fail(spec, `process ${row.pid} has no readable SELinux label ("${row.label}")`, row.line);
      if (spec["selinux-type"] && context.type !== spec["selinux-type"]) {
        return fail(spec, `process ${row.pid} runs as ${context.type}, not ${spec["selinux-type"]}`, row.line);
      }
      if (spec.level && context.level !== spec.level) return fail(spec, `process ${row.pid} has level ${context.level}, not ${spec.level}`, row.line);
    }
    if (spec["distinct-mcs"]) {
      const seen = new Map<string, number>();
      for (const row of found) {
        const cats = mcsCategories(parseContext(row.label)!.level);
        if (!cats) return fail(spec, `process ${row.pid} has no MCS categories (level without cA,cB)`, row.line);
        const other = seen.get(cats);
        if (other !== undefined) return fail(spec, `processes ${other} and ${row.pid} share the MCS pair ${cats}`, evidence);
        seen.set(cats, row.pid);
      }
      return pass(spec, `${found.length} ${who} with ${found.length} distinct MCS pairs`, evidence);
    }
    return pass(spec, `${found.length} ${who} labelled as expected`, evidence);
  },
};
