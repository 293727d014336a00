/**
 * The `--format` templates of podman and docker (Go text/template, a small subset): literal text with actions
 * `{{.Field}}`, `{{.State.Status}}`, `{{json .Config}}`, `{{index .Labels "k"}}`, `{{.}}`. As podman's report
 * package does, a literal `\t` or `\n` in the format becomes a tab or newline, and a `table` prefix asks for a
 * header row. A field missing from a Go struct is an error; a key missing from a map prints `<no value>`
 * (`podman inspect --format '{{.GraphDriver.Data.MergedDir}}'` on an unmounted container, observed).
 */

/** What a template is evaluated against. */
export interface TemplateData {
  value: unknown;
  /** objects that are Go maps (missing keys print `<no value>` instead of failing) */
  maps?: WeakSet<object>;
  /** Go type name for error messages, e.g. "*define.InspectContainerData" */
  typeName?: string;
}

type Node = { text: string } | { action: string };

/** Splits a format into literal text and actions; undefined if braces do not close. */
function parse(format: string): Node[] | undefined {
  const out: Node[] = [];
  let i = 0;
  while (i < format.length) {
    const open = format.indexOf("{{", i);
    if (open < 0) {
      out.push({ text: format.slice(i) });
      break;
    }
    if (open > i) out.push({ text: format.slice(i, open) });
    const close = format.indexOf("}}", open + 2);
    if (close < 0) return undefined;
    out.push({ action: format.slice(open + 2, close).trim().replace(/^-\s*|\s*-$/g, "") });
    i = close + 2;
  }
  return out;
}

/** Go's %v of a value. */
export function goString(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goString).join(" ")}]`;
  if (typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>);
    return `map[${entries.map(([k, x]) => `${k}:${goString(x)}`).join(" ")}]`;
  }
  return String(v);
}

/** The column headers of a `table` format: the field names of its actions. */
export function tableHeaders(format: string): string[] {
  const nodes = parse(format.replace(/^table\s*/, "")) ?? [];
  return nodes.filter((n): n is { action: string } => "action" in n).map((n) => {
    const m = /\.(\w+)\s*$/.exec(n.action);
    return (m ? m[1]! : n.action).toUpperCase();
  });
}

/** Normalises a format as podman does: `table` dropped, `\t`/`\n` escapes become real characters. */
export function normalizeFormat(format: string): { format: string; table: boolean } {
  const table = /^table(\s|$)/.test(format);
  const body = (table ? format.replace(/^table\s*/, "") : format).replace(/\\t/g, "\t").replace(/\\n/g, "\n");
  return { format: body, table };
}

/** Renders one value; `{ error }` reads like Go's template errors. */
export function renderTemplate(format: string, data: TemplateData, name = "format"): { text: string } | { error: string } {
  const nodes = parse(format);
  if (!nodes) return { error: `template: ${name}:1: unclosed action` };
  let text = "";
  for (const node of nodes) {
    if ("text" in node) {
      text += node.text;
      continue;
    }
    const r = evalAction(node.action, data, name);
    if ("error" in r) return r;
    text += r.text;
  }
  return { text };
}

function evalAction(action: string, data: TemplateData, name: string): { text: string } | { error: string } {
  const words = action.match(/"[^"]*"|\S+/g) ?? [];
  if (words.length === 0) return { error: `template: ${name}:1: missing value for command` };
  const fn = words[0]!;
  if (fn.startsWith(".")) {
    const v = lookup(fn, data, name);
    return "error" in v ? v : { text: v.value === undefined ? "<no value>" : goString(v.value) };
  }
  if (fn === "json" && words[1]) {
    const v = lookup(words[1], data, name);
    return "error" in v ? v : { text: JSON.stringify(v.value ?? null) };
  }
  if (fn === "index" && words[1] && words[2]) {
    const v = lookup(words[1], data, name);
    if ("error" in v) return v;
    const key = words[2].replace(/^"|"$/g, "");
    const m = v.value as Record<string, unknown> | undefined;
    return { text: m && key in m ? goString(m[key]) : "<no value>" };
  }
  if (fn === "upper" || fn === "lower") {
    const v = lookup(words[1] ?? ".", data, name);
    if ("error" in v) return v;
    const s = goString(v.value);
    return { text: fn === "upper" ? s.toUpperCase() : s.toLowerCase() };
  }
  return { error: `template: ${name}:1: function "${fn}" not defined` };
}

function lookup(path: string, data: TemplateData, name: string): { value: unknown } | { error: string } {
  if (path === ".") return { value: data.value };
  let cur: unknown = data.value;
  for (const field of path.slice(1).split(".")) {
    if (cur === null || cur === undefined || typeof cur !== "object") return { value: undefined };
    const obj = cur as Record<string, unknown>;
    if (field in obj) {
      cur = obj[field];
      continue;
    }
    if (data.maps?.has(obj)) return { value: undefined };
    return { error: `template: ${name}:1:2: executing "${name}" at <${path}>: can't evaluate field ${field} in type ${data.typeName ?? "interface {}"}` };
  }
  return { value: cur };
}
