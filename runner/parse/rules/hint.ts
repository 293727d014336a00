// Hints are GitHub alert blockquotes (`> [!TIP]`, `> [!NOTE]`, `> [!IMPORTANT]`, `> [!WARNING]`, `> [!CAUTION]`),
// the syntax GitHub renders as coloured call-outs; hostlab keeps them hidden until the student asks for a hint.
// A blockquote without an alert marker is ordinary prose.
import { skipBlock, target, tokenPos, type ParseState } from "../state.js";
import type { BlockRule } from "./rule.js";

const ALERT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(.*)$/i;

export const hint: BlockRule = {
  name: "hint",
  run(state: ParseState): boolean {
    const open = state.tokens[state.pos];
    if (open.type !== "blockquote_open" || !open.map) return false;
    const quoted = state.lines.slice(open.map[0], open.map[1]).map((l) => l.replace(/^\s*>[ ]?/, ""));
    const first = quoted.findIndex((l) => l.trim() !== "");
    const m = first >= 0 ? ALERT.exec(quoted[first].trim()) : null;
    if (!m) return false;
    const rest = [m[2], ...quoted.slice(first + 1)].filter((l, i) => i > 0 || l !== "");
    target(state).push({ kind: "hint", alert: m[1].toLowerCase(), markdown: rest.join("\n").trim(), ...tokenPos(state, open) });
    state.pos = skipBlock(state.tokens, state.pos);
    return true;
  },
};
