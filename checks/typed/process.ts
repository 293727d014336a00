// `type: process` — processes are running (or not), counted from the host's process table.
// On a container host a container's process is an ordinary process in `ps -ef` (the lab's first lesson), so
// "three top containers run" is "three `top` processes exist".
import { z } from "zod";
import type { CheckType, CommonSpec, CountSpec } from "./check-type.js";
import { countMatches, countSchema, describeCount, errorVerdict, fail, pass } from "./check-type.js";
import { parsePs } from "./formats/ps.js";
import { describeSelector, processFields, selectProcesses, validateSelector, type ProcessSelector } from "./process-match.js";

/** The process table with labels; shared by every check that reads processes, so a batch runs it once. */
export const PS_PROBE = "ps -efZ";

type ProcessSpec = CommonSpec & ProcessSelector & { count?: CountSpec; running: boolean };

export const processCheck: CheckType<ProcessSpec> = {
  type: "process",
  summary: "processes named by their command line are running (how many), or are not running",
  schema: z.strictObject({ ...processFields, count: countSchema.optional(), running: z.boolean().default(true) }),
  validate: (spec) => [
    ...validateSelector(spec),
    ...(spec.running === false && spec.count !== undefined
      ? [{ path: ["count"], message: "running: false already means a count of 0; drop count" }]
      : []),
  ],
  requires: (spec) => (spec["selinux-type"] ? ["selinux"] : []),
  probes: () => [PS_PROBE],
  evaluate(spec, [ps]) {
    const rows = parsePs(ps.stdout);
    if (rows.length === 0) return errorVerdict(spec, "could not read the process table (ps printed no processes)", ps.stderr || ps.stdout);
    const found = selectProcesses(rows, spec);
    const count = spec.running ? spec.count : 0;
    const evidence = found.map((r) => r.line).join("\n");
    const who = `processes ${describeSelector(spec)}`;
    if (countMatches(count, found.length)) {
      return pass(spec, spec.running ? `${found.length} ${who} running` : `no ${who} running`, evidence);
    }
    if (!spec.running) return fail(spec, `${found.length} ${who} still running; expected none`, evidence);
    return fail(spec, `expected ${describeCount(count)} ${who}, found ${found.length}`, evidence);
  },
};
