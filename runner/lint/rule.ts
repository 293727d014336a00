// A lint rule: a pure function from a parsed lab to the located problems it finds. Rules never see the file system
// or each other; adding one is a file in rules/ and a line in rules/index.ts (checks/ will add one that validates
// check YAML against its vocabulary with parseCheckSpec).
import type { Lab } from "../model/lab.js";
import type { Diagnostic } from "../model/source.js";

export interface LintRule {
  /** The id printed with each diagnostic and used in `--json` (kebab-case, stable). */
  name: string;
  /** One sentence for `docs/lab-format.md` and `hostlab lint --help`. */
  description: string;
  run(lab: Lab): Diagnostic[];
}
