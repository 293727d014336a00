// Front matter: the optional YAML block between `---` lines at the very top of a lab. gray-matter splits it off; we
// hand it a no-op YAML engine (and options, which also turn off its per-document cache) because the YAML itself is
// read by the `yaml` package, whose LineCounter places every error at file:line:col. The schema is zod's
// (runner/model/front-matter.ts).
import matter from "gray-matter";
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import { labMetaSchema, type LabMeta } from "../model/front-matter.js";
import type { Diagnostic, SourcePos } from "../model/source.js";
import { closest } from "./closest.js";

/** Where the front matter is, if the file has one. Lines are 1-based. */
export interface FrontMatterSplit {
  yaml: string;
  /** Line of the first YAML line (the one after the opening `---`). */
  yamlLine: number;
  /** Number of lines the front matter occupies, fences included: the body starts on line `lines + 1`. */
  lines: number;
}

export interface FrontMatterResult {
  meta: LabMeta;
  positions: Record<string, SourcePos>;
  problems: Diagnostic[];
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

// gray-matter would otherwise parse the YAML itself (with js-yaml) and throw on a bad document.
const RAW_YAML = { engines: { yaml: { parse: () => ({}) } } };

/** Finds the front matter of a document split into lines; null if the first line is not `---` or it never closes. */
export function splitFrontMatter(lines: readonly string[]): FrontMatterSplit | null {
  if (lines.length === 0 || !FENCE.test(lines[0])) return null;
  // gray-matter takes an unclosed block as front matter up to the end; a lab author means a body, so look first.
  const close = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (close < 0) return null;
  const head = lines.slice(0, close + 1).join("\n").replace(/^(\.\.\.)([ \t]*)$/m, "---$2");
  const yaml = matter(head + "\n", RAW_YAML).matter.replace(/^\r?\n/, "");
  return { yaml, yamlLine: 2, lines: close + 1 };
}

/** Parses and validates front matter YAML; never throws: every problem becomes a located diagnostic. */
export function parseFrontMatter(split: FrontMatterSplit, file: string): FrontMatterResult {
  const lineCounter = new LineCounter();
  const problems: Diagnostic[] = [];
  const at = (offset: number): SourcePos => {
    const p = lineCounter.linePos(Math.max(0, offset));
    return { line: p.line + split.yamlLine - 1, column: p.col };
  };
  const report = (pos: SourcePos, message: string, rule = "front-matter") =>
    problems.push({ file, ...pos, severity: "error", rule, message });

  let doc: Document;
  let data: unknown;
  try {
    doc = parseDocument(split.yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
    for (const e of doc.errors) report(at(e.pos[0]), `front matter is not valid YAML: ${firstLine(e.message)}`);
    if (doc.errors.length > 0) return { meta: {}, positions: {}, problems };
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // yaml throws (rather than reporting) on a few pathological inputs, e.g. alias bombs past maxAliasCount.
    report({ line: split.yamlLine, column: 1 }, `front matter could not be read: ${firstLine(String(e))}`);
    return { meta: {}, positions: {}, problems };
  }
  if (data === null || data === undefined) return { meta: {}, positions: {}, problems };
  if (typeof data !== "object" || Array.isArray(data)) {
    report({ line: split.yamlLine, column: 1 }, "front matter must be a mapping of keys (`title: …`), not a list or a value");
    return { meta: {}, positions: {}, problems };
  }

  const positions: Record<string, SourcePos> = {};
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range) positions[String(item.key.value)] = at(item.key.range[0]);
    }
  }

  const parsed = labMetaSchema.safeParse(data);
  if (parsed.success) return { meta: parsed.data, positions, problems };

  const bad = new Set<string>();
  const known = Object.keys(labMetaSchema.shape);
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        bad.add(key);
        const guess = closest(key, known);
        const hint = guess ? ` (did you mean \`${guess}\`?)` : `; known keys: ${known.join(", ")}`;
        report(positions[key] ?? { line: split.yamlLine, column: 1 }, `unknown front matter key \`${key}\`${hint}`);
      }
      continue;
    }
    if (path.length > 0) bad.add(String(path[0]));
    const node = nodeAt(doc, path);
    const pos = node?.range ? at(node.range[0]) : (positions[String(path[0])] ?? { line: split.yamlLine, column: 1 });
    report(pos, `front matter \`${path.join(".") || "(top)"}\`: ${issue.message}`);
  }
  // Keep what is valid so one bad key does not blank the title in `hostlab list`.
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (!bad.has(k) && known.includes(k)) meta[k] = v;
  }
  const retry = labMetaSchema.safeParse(meta);
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { meta: retry.success ? retry.data : {}, positions, problems };
}

/** The YAML node at a path of map keys and sequence indexes, or the deepest one found on the way. */
function nodeAt(doc: Document, path: readonly (string | number)[]): Node | null {
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === "number" && node.items[seg]) {
      node = node.items[seg];
    } else break;
  }
  return (node as Node | null) ?? null;
}

function firstLine(s: string): string {
  return s.split("\n")[0];
}
