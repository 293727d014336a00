// `type: file-label` — the SELinux label of a file or directory, read with `ls -dZ`. The lab's lesson: a `:Z`
// volume is relabelled to the private label of the container that mounted it (container_file_t plus that
// container's MCS pair), so after several runs the directory carries the pair of the last one.
import { z } from "zod";
import type { CheckType, CommonSpec } from "./check-type.js";
import { absolutePath, errorVerdict, fail, notApplicable, pass } from "./check-type.js";
import { LACKS } from "./capabilities.js";
import { containerArg, containerRef, describeContainer, engineField, type Engine } from "./container-ref.js";
import { parseLsLabel } from "./formats/ls-z.js";
import { isNoLabel, mcsCategories, parseContext } from "./formats/selinux-context.js";
import { shellQuote } from "../probe.js";
import { parsePs } from "./formats/ps.js";
import { selectProcesses } from "./process-match.js";
import { PS_PROBE } from "./process.js";

type FileLabelSpec = CommonSpec & {
  path: string;
  "selinux-type"?: string;
  level?: string;
  mcs?: "private" | "shared";
  "same-mcs-as"?: { container?: string; process?: string; engine: Engine };
};

export const fileLabelCheck: CheckType<FileLabelSpec> = {
  type: "file-label",
  summary: "the SELinux label of a file: type, level, or the MCS pair of a container",
  schema: z.strictObject({
    path: absolutePath,
    "selinux-type": z.string().regex(/^[A-Za-z0-9_]+$/).optional(),
    level: z.string().regex(/^s\d+(?:[-:][\w.,:-]+)?$/, "a level looks like s0 or s0:c530,c695").optional(),
    // private: a category pair, as `:Z` gives; shared: plain s0, as `:z` gives (podman-run(1), volume options)
    mcs: z.enum(["private", "shared"]).optional(),
    // a container (its MountLabel) or the processes run by a command (their label in ps -efZ)
    "same-mcs-as": z.strictObject({ container: containerRef.optional(), process: z.string().min(1).optional(), engine: engineField }).optional(),
  }),
  validate(spec) {
    const ref = spec["same-mcs-as"];
    if (ref && !ref.container === !ref.process) return [{ path: ["same-mcs-as"], message: "same-mcs-as names one container or one process command" }];
    return spec["selinux-type"] || spec.level || spec.mcs || ref
      ? []
      : [{ path: [], message: "say what the label must be: selinux-type, level, mcs or same-mcs-as" }];
  },
  requires: (spec) => ["selinux", ...(spec["same-mcs-as"]?.container ? [spec["same-mcs-as"].engine] : [])],
  probes(spec) {
    const probes = [`ls -dZ ${shellQuote(spec.path)}`];
    const ref = spec["same-mcs-as"];
    // MountLabel is the label :Z applies (container_file_t + the pair); ProcessLabel carries the same pair.
    if (ref?.container) probes.push(`${ref.engine} container inspect --format '{{.MountLabel}}' ${containerArg(ref.engine, ref.container)}`);
    if (ref?.process) probes.push(PS_PROBE);
    return probes;
  },
  evaluate(spec, [ls, inspect]) {
    if (ls.exitCode !== 0 && !ls.stdout.trim()) return fail(spec, `${spec.path} does not exist or cannot be read`, ls.stderr);
    const label = parseLsLabel(ls.stdout);
    if (label.kind === "none") return notApplicable(spec, LACKS.selinux, label.line);
    if (label.kind === "unreadable") return errorVerdict(spec, `could not find a security context in the ls -dZ output`, label.line);
    const { context } = label;
    if (spec["selinux-type"] && context.type !== spec["selinux-type"]) {
      return fail(spec, `${spec.path} has type ${context.type}, not ${spec["selinux-type"]}`, label.line);
    }
    if (spec.level && context.level !== spec.level) return fail(spec, `${spec.path} has level ${context.level}, not ${spec.level}`, label.line);
    const cats = mcsCategories(context.level);
    if (spec.mcs === "private" && !cats) return fail(spec, `${spec.path} has no MCS pair (level ${context.level}): not private to one container`, label.line);
    if (spec.mcs === "shared" && cats) return fail(spec, `${spec.path} carries the pair ${cats}: private to one container, not shared`, label.line);
    const ref = spec["same-mcs-as"];
    if (ref?.process && inspect) return judgeProcessPair(spec, label.line, context.level, ref.process, inspect.stdout);
    if (ref?.container && inspect) {
      const who = describeContainer(ref.container);
      if (inspect.exitCode !== 0) return fail(spec, `cannot inspect ${who}: ${firstLine(inspect.stderr) || "no such container"}`, inspect.stderr);
      const text = inspect.stdout.trim();
      if (isNoLabel(text)) return notApplicable(spec, LACKS.selinux, `MountLabel=${text}`);
      const theirs = parseContext(text);
      if (!theirs) return errorVerdict(spec, `could not read the label of ${who}`, text);
      const mine = mcsCategories(context.level);
      const want = mcsCategories(theirs.level);
      if (!want) return fail(spec, `${who} has no MCS pair (${theirs.level})`, text);
      if (mine !== want) {
        return fail(spec, `${spec.path} carries ${mine || "no MCS pair"}, but ${who} has ${want}`, `${label.line}\n${who}: ${text}`);
      }
      return pass(spec, `${spec.path} is labelled ${context.type}:${context.level}, the pair of ${who}`, `${label.line}\n${who}: ${text}`);
    }
    return pass(spec, `${spec.path} is labelled ${label.raw}`, label.line);
  },
};

// The file's categories must equal those of the processes run by `command` (all of them sharing one set).
function judgeProcessPair(spec: FileLabelSpec, line: string, level: string, command: string, ps: string) {
  const rows = selectProcesses(parsePs(ps), { command });
  const who = `the processes "${command}"`;
  if (rows.length === 0) return fail(spec, `no process "${command}" is running`, line);
  if (rows.every((r) => isNoLabel(r.label))) return notApplicable(spec, LACKS.selinux, rows[0].line);
  const sets = new Set(rows.map((r) => mcsCategories(parseContext(r.label)?.level ?? "")));
  const evidence = [line, ...rows.map((r) => r.line)].join("\n");
  if (sets.size > 1) return fail(spec, `${who} carry ${sets.size} different MCS pairs; name one container instead`, evidence);
  const [want] = sets;
  const mine = mcsCategories(level);
  if (!want) return fail(spec, `${who} have no MCS pair`, evidence);
  if (mine !== want) return fail(spec, `${spec.path} carries ${mine || "no MCS pair"}, but ${who} run with ${want}`, evidence);
  return pass(spec, `${spec.path} carries ${want}, the pair of ${who}`, evidence);
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}
