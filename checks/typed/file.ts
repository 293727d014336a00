// `type: file` — a file exists (or not), its kind, mode, owner and content. Metadata comes from
// `stat -c '%F|%a|%U|%G'` (coreutils stat(1): file type, octal mode, owner, group); content from `cat`, only
// when the check asks about it.
import { z } from "zod";
import type { CheckType, CommonSpec } from "./check-type.js";
import { absolutePath, errorVerdict, fail, pass } from "./check-type.js";
import { compileGuarded, firstMatchingLine } from "./formats/regex-guard.js";
import { shellQuote } from "../probe.js";

type FileSpec = CommonSpec & {
  path: string;
  exists: boolean;
  kind?: "file" | "directory" | "symlink";
  mode?: string;
  owner?: string;
  contains?: string;
  matches?: string;
};

const KIND_WORDS: Record<string, string[]> = {
  file: ["regular file", "regular empty file"],
  directory: ["directory"],
  symlink: ["symbolic link"],
};

export const fileCheck: CheckType<FileSpec> = {
  type: "file",
  summary: "a file exists or not; its kind, mode, owner, content",
  schema: z.strictObject({
    path: absolutePath,
    exists: z.boolean().default(true),
    kind: z.enum(["file", "directory", "symlink"]).optional(),
    mode: z.string().regex(/^[0-7]{3,4}$/, 'a mode is octal, like "0644" or "755" (quote it in YAML)').optional(),
    owner: z.string().regex(/^[\w.-]+(:[\w.-]+)?$/, "owner is user or user:group").optional(),
    contains: z.string().optional(),
    matches: z.string().optional(),
  }),
  validate(spec) {
    const problems = [];
    if (!spec.exists && (spec.kind || spec.mode || spec.owner || spec.contains !== undefined || spec.matches)) {
      problems.push({ path: ["exists"], message: "a file that must not exist has no kind, mode, owner or content to check" });
    }
    if (spec.matches) {
      const c = compileGuarded(spec.matches, "m");
      if ("error" in c) problems.push({ path: ["matches"], message: c.error });
    }
    return problems;
  },
  probes(spec) {
    const p = shellQuote(spec.path);
    const probes = [`stat -c '%F|%a|%U|%G' ${p}`];
    if (spec.contains !== undefined || spec.matches) probes.push(`cat ${p}`);
    return probes;
  },
  evaluate(spec, [st, cat]) {
    const line = st.stdout.trim().split("\n")[0] ?? "";
    const fields = line.split("|");
    if (st.exitCode !== 0 || fields.length !== 4) {
      // Only stat's own ENOENT proves absence; a missing stat or a permission problem proves nothing.
      if (/No such file or directory/.test(st.stderr)) {
        return spec.exists ? fail(spec, `${spec.path} does not exist`, st.stderr) : pass(spec, `${spec.path} does not exist`, st.stderr);
      }
      if (spec.exists && st.exitCode !== 0 && st.exitCode !== 127) return fail(spec, `cannot stat ${spec.path}`, st.stderr);
      return errorVerdict(spec, `could not read stat output for ${spec.path}`, st.stdout + st.stderr);
    }
    const [kind, mode, user, group] = fields;
    const evidence = `${spec.path}: ${kind}, mode ${mode}, ${user}:${group}`;
    if (!spec.exists) return fail(spec, `${spec.path} still exists`, evidence);
    if (spec.kind && !KIND_WORDS[spec.kind].includes(kind)) return fail(spec, `${spec.path} is a ${kind}, not a ${spec.kind}`, evidence);
    if (spec.mode && Number.parseInt(mode, 8) !== Number.parseInt(spec.mode, 8)) return fail(spec, `${spec.path} has mode ${mode}, not ${spec.mode}`, evidence);
    if (spec.owner) {
      const [u, g] = spec.owner.split(":");
      if (u !== user || (g !== undefined && g !== group)) return fail(spec, `${spec.path} belongs to ${user}:${group}, not ${spec.owner}`, evidence);
    }
    if (cat) {
      if (cat.exitCode !== 0) return fail(spec, `cannot read ${spec.path}`, cat.stderr);
      if (spec.contains !== undefined && !cat.stdout.includes(spec.contains)) return fail(spec, `${spec.path} does not contain "${spec.contains}"`, cat.stdout);
      if (spec.matches) {
        const c = compileGuarded(spec.matches);
        const line = "regex" in c ? firstMatchingLine(c, cat.stdout) : null;
        if (line === null) return fail(spec, `no line of ${spec.path} matches /${spec.matches}/`, cat.stdout);
        return pass(spec, `${spec.path} has a line matching /${spec.matches}/`, line);
      }
    }
    return pass(spec, `${spec.path} is as expected`, evidence);
  },
};
