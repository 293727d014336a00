// `type: exit-code` — a read-only command exits with a given status: `test -d /x` exits 0, `grep -q` 1 when
// nothing matched; 127 is "command not found" in every POSIX shell.
import { z } from "zod";
import type { CheckType, CommonSpec } from "./check-type.js";
import { fail, pass } from "./check-type.js";

type ExitCodeSpec = CommonSpec & { command: string; "exit-code": number };

export const exitCodeCheck: CheckType<ExitCodeSpec> = {
  type: "exit-code",
  summary: "a read-only command exits with a given status",
  schema: z.strictObject({ command: z.string().min(1).max(2000), "exit-code": z.number().int().min(0).max(255).default(0) }),
  probes: (spec) => [spec.command],
  evaluate(spec, [r]) {
    const evidence = `exit ${r.exitCode}\n${(r.stderr || r.stdout).trim()}`;
    return r.exitCode === spec["exit-code"]
      ? pass(spec, `\`${spec.command}\` exited with ${r.exitCode}`, evidence)
      : fail(spec, `\`${spec.command}\` exited with ${r.exitCode}, not ${spec["exit-code"]}`, evidence);
  },
};
