// `type: namespace` — two or more processes share a namespace, or don't. The kernel names each namespace by an
// inode: `readlink /proc/PID/ns/net` prints `net:[4026531992]`, equal for processes in the same namespace
// (namespaces(7)). Members are containers (their main process, `.State.Pid` in inspect) or `host` (pid 1).
import { z } from "zod";
import type { CheckType, CommonSpec } from "./check-type.js";
import { errorVerdict, fail, pass } from "./check-type.js";
import { containerArg, containerRef, describeContainer, engineField, type Engine } from "./container-ref.js";

const KINDS = ["cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"] as const;

type NamespaceSpec = CommonSpec & { namespace: (typeof KINDS)[number]; between: string[]; shared: boolean; engine: Engine };

export const namespaceCheck: CheckType<NamespaceSpec> = {
  type: "namespace",
  summary: "containers (or the host) share a namespace, or each has its own",
  schema: z.strictObject({
    namespace: z.enum(KINDS),
    between: z.array(containerRef).min(2, "name at least two: containers, or host"),
    shared: z.boolean(),
    engine: engineField,
  }),
  requires: (spec) => (spec.between.some((m) => m !== "host") ? [spec.engine] : []),
  probes: (spec) =>
    spec.between.map((m) =>
      m === "host"
        ? `readlink /proc/1/ns/${spec.namespace}`
        : `readlink /proc/$(${spec.engine} container inspect --format '{{.State.Pid}}' ${containerArg(spec.engine, m)})/ns/${spec.namespace}`,
    ),
  evaluate(spec, results) {
    const ids: string[] = [];
    for (let i = 0; i < spec.between.length; i++) {
      const who = spec.between[i] === "host" ? "the host" : describeContainer(spec.between[i]);
      const r = results[i];
      const m = /^[a-z_]+:\[(\d+)\]$/.exec(r.stdout.trim().split("\n")[0] ?? "");
      if (!m) {
        if (r.exitCode !== 0) return fail(spec, `cannot read the ${spec.namespace} namespace of ${who} (is it running?)`, r.stderr);
        return errorVerdict(spec, `unexpected readlink output for ${who}`, r.stdout);
      }
      ids.push(m[1]);
    }
    const evidence = spec.between.map((m, i) => `${m}: ${spec.namespace}:[${ids[i]}]`).join("\n");
    const distinct = new Set(ids).size;
    if (spec.shared) {
      return distinct === 1 ? pass(spec, `all share one ${spec.namespace} namespace`, evidence) : fail(spec, `they are in ${distinct} different ${spec.namespace} namespaces`, evidence);
    }
    return distinct === ids.length
      ? pass(spec, `each has its own ${spec.namespace} namespace`, evidence)
      : fail(spec, `some share a ${spec.namespace} namespace`, evidence);
  },
};
