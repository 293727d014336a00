// Hidden checks: `<!-- check … -->` HTML comments. Markdown renderers drop comments, so students never see them,
// while graders (and `hostlab grade`) do. The YAML inside is kept as written; checks/ gives it meaning.
import { target, tokenPos, problem, type ParseState } from "../state.js";
import type { BlockRule } from "./rule.js";

const OPEN = /^(\s*)<!--[ \t]*check\b[ \t]*/;

export const checkComment: BlockRule = {
  name: "check-comment",
  run(state: ParseState): boolean {
    const token = state.tokens[state.pos];
    if (token.type !== "html_block" || !OPEN.test(token.content)) return false;
    const pos = tokenPos(state, token);
    const open = OPEN.exec(token.content)!;
    let body = token.content.slice(open[0].length);
    const close = body.indexOf("-->");
    if (close < 0) {
      problem(state, pos, "unclosed-comment", "this `<!-- check` comment is never closed with `-->`");
    } else body = body.slice(0, close);
    // YAML written on the opening line (`<!-- check process: … -->`) starts there; otherwise on the next line.
    const firstLineRest = body.split("\n")[0];
    const onOpeningLine = firstLineRest.trim() !== "";
    const yaml = onOpeningLine ? body : body.slice(firstLineRest.length + 1);
    const yamlLine = onOpeningLine ? pos.line : pos.line + 1;
    target(state).push({ kind: "check", hidden: true, yaml: yaml.replace(/\s+$/, "") + "\n", yamlLine, info: "", ...pos });
    state.pos++;
    return true;
  },
};
