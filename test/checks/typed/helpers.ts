// Shared by the typed-check tests: build a check from YAML and judge it on a fixture host.
import { parseCheckSpec, runCheck, type Check } from "../../../checks/check.js";
import type { CommandResult, RunProbe } from "../../../checks/probe.js";
import type { Verdict } from "../../../checks/typed/check-type.js";
import { fixtureHost } from "./fixture-host.js";

/** The single check a YAML block holds; throws with the located errors when it doesn't parse. */
export function oneCheck(yaml: string): Check {
  const parsed = parseCheckSpec(yaml, { file: "lab.md", line: 1, column: 1 });
  if ("errors" in parsed) throw new Error(parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join("\n"));
  return parsed.checks[0];
}

/** The verdict of `yaml` on fixture host `name` (with per-command overrides). */
export function verdictOn(name: string, yaml: string, overrides: Record<string, Partial<CommandResult>> = {}): Promise<Verdict> {
  return runCheck(oneCheck(yaml), fixtureHost(name, overrides));
}

/** A host answering every command with the same result (hostile-output tests). */
export function constantHost(result: CommandResult): RunProbe {
  return async () => result;
}
