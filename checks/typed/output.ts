// `type: output` — what a read-only command prints: contains a text, has a line matching a pattern, or holds a
// JSON value at a path (`.State.Status`; see formats/json-path.ts). The escape hatch for what no other type says.
import { z } from "zod";
import type { CheckType, CommonSpec, SpecProblem } from "./check-type.js";
import { errorVerdict, fail, pass } from "./check-type.js";
import { getJsonPath, parseJsonPath, tryParseJson } from "./formats/json-path.js";
import { compileGuarded, firstMatchingLine } from "./formats/regex-guard.js";

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

type OutputSpec = CommonSpec & {
  command: string;
  stream: "stdout" | "stderr" | "both";
  contains?: string;
  "not-contains"?: string;
  matches?: string;
  json?: { path: string; equals?: string | number | boolean | null; exists?: boolean };
};

export const outputCheck: CheckType<OutputSpec> = {
  type: "output",
  summary: "a command's output contains a text, matches a pattern, or holds a JSON value",
  schema: z.strictObject({
    command: z.string().min(1).max(2000),
    stream: z.enum(["stdout", "stderr", "both"]).default("both"),
    contains: z.string().optional(),
    "not-contains": z.string().min(1).optional(),
    matches: z.string().min(1).optional(),
    json: z.strictObject({ path: z.string(), equals: scalar.optional(), exists: z.boolean().optional() }).optional(),
  }),
  validate(spec) {
    const problems: SpecProblem[] = [];
    if (spec.contains === undefined && !spec["not-contains"] && !spec.matches && !spec.json) {
      problems.push({ path: [], message: "say what the output must hold: contains, not-contains, matches or json" });
    }
    if (spec.matches) {
      const c = compileGuarded(spec.matches);
      if ("error" in c) problems.push({ path: ["matches"], message: c.error });
    }
    if (spec.json) {
      try {
        parseJsonPath(spec.json.path);
      } catch (err) {
        problems.push({ path: ["json", "path"], message: (err as Error).message });
      }
      if (spec.json.equals === undefined && spec.json.exists === undefined) {
        problems.push({ path: ["json"], message: "json needs equals or exists" });
      }
    }
    return problems;
  },
  probes: (spec) => [spec.command],
  evaluate(spec, [r]) {
    // 127: the shell found no such command; its (empty) output must not pass a not-contains.
    if (r.exitCode === 127) return errorVerdict(spec, `\`${spec.command}\`: command not found on this host`, r.stderr);
    const text = spec.stream === "stdout" ? r.stdout : spec.stream === "stderr" ? r.stderr : r.stdout + r.stderr;
    if (spec.contains !== undefined && !text.includes(spec.contains)) return fail(spec, `the output of \`${spec.command}\` does not contain "${spec.contains}"`, text);
    if (spec["not-contains"] && text.includes(spec["not-contains"])) {
      const line = text.split("\n").find((l) => l.includes(spec["not-contains"]!)) ?? "";
      return fail(spec, `the output of \`${spec.command}\` contains "${spec["not-contains"]}"`, line);
    }
    let evidence = text;
    if (spec.matches) {
      const c = compileGuarded(spec.matches);
      const line = "regex" in c ? firstMatchingLine(c, text) : null;
      if (line === null) return fail(spec, `no line of \`${spec.command}\` matches /${spec.matches}/`, text);
      evidence = line;
    }
    if (spec.json) {
      const doc = tryParseJson(r.stdout);
      if (doc === undefined) return fail(spec, `\`${spec.command}\` did not print JSON`, r.stdout + r.stderr);
      const value = getJsonPath(doc, parseJsonPath(spec.json.path));
      const shown = `${spec.json.path} = ${value === undefined ? "(missing)" : JSON.stringify(value)}`;
      if (spec.json.exists !== undefined && (value !== undefined) !== spec.json.exists) {
        return fail(spec, spec.json.exists ? `${spec.json.path} is missing` : `${spec.json.path} is present`, shown);
      }
      if (spec.json.equals !== undefined && value !== spec.json.equals) {
        return fail(spec, `${spec.json.path} is ${value === undefined ? "missing" : JSON.stringify(value)}, not ${JSON.stringify(spec.json.equals)}`, shown);
      }
      evidence = shown;
    }
    return pass(spec, `the output of \`${spec.command}\` is as expected`, evidence);
  },
};
