// The parser's rules, in the order they are tried on each top-level Markdown block (like markdown-it's
// `md.block.ruler`). A new lab syntax is a new file here and one line in this list; order matters where two rules
// could claim the same token (a `file=` fence is a file before it is a transcript; prose takes what is left).
import { checkComment } from "./check-comment.js";
import { checkFence } from "./check-fence.js";
import { file } from "./file.js";
import { heading } from "./heading.js";
import { hint } from "./hint.js";
import type { BlockRule } from "./rule.js";
import { snippet } from "./snippet.js";
import { solution } from "./solution.js";
import { transcript } from "./transcript.js";
import { prose } from "./prose.js";

export const blockRules: readonly BlockRule[] = [
  heading,
  checkComment,
  solution,
  hint,
  file,
  checkFence,
  transcript,
  snippet,
  prose,
];
