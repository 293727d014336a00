// Every lint rule, in the order their findings are listed for one position. Adding a rule is a file in this folder
// and one line here; checks/ adds its check-vocabulary rule the same way.
import type { LintRule } from "../rule.js";
import { checkYaml } from "./check-yaml.js";
import { checkSpec } from "./checks.js";
import { createDetach } from "./create-detach.js";
import { duplicateStep } from "./duplicate-step.js";
import { emptyStep } from "./empty-step.js";
import { implicitShell } from "./implicit-shell.js";
import { missingFile } from "./missing-file.js";
import { parseProblems } from "./parse-problems.js";
import { sessions } from "./sessions.js";
import { unknownRegistry } from "./unknown-registry.js";

export const lintRules: readonly LintRule[] = [
  parseProblems,
  emptyStep,
  duplicateStep,
  sessions,
  implicitShell,
  missingFile,
  unknownRegistry,
  createDetach,
  checkYaml,
  checkSpec,
];
