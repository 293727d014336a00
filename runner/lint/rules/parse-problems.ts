// What the parser could not accept: front matter schema and YAML errors, unclosed code fences, unclosed
// `<details>` and check comments. They are found while parsing (they need the raw text) and reported here.
import type { LintRule } from "../rule.js";

export const parseProblems: LintRule = {
  name: "parse",
  description: "front matter errors, unclosed fences and comments, misplaced headings (found by the parser)",
  run: (lab) => lab.problems,
};
