// `type: cgroup-limit` — the limit the kernel enforces on a container: memory, CPU, pids. Read from the cgroup
// files themselves, not from podman's config, because the files are what the kernel obeys.
//   v2: memory.max ("max" | bytes), cpu.max ("max 100000" | "<quota> <period>"), pids.max ("max" | N)
//   v1: memory/…/memory.limit_in_bytes (9223372036854771712 = none), cpu/…/cpu.cfs_quota_us (-1 = none) with
//       cpu.cfs_period_us, pids/…/pids.max
// (host-facts/cgroups/README-cgroups.md). The files are found the way the lab finds them: `find /sys/fs/cgroup/ |
// grep <id>`. That also lists conmon's cgroup (libpod-conmon-<id>.scope), which carries no limit and is skipped;
// with crun the limit sits in the `container` sub-cgroup, so the tightest value found is the one in force.
import { z } from "zod";
import type { CheckType, CommonSpec } from "./check-type.js";
import { fail, pass } from "./check-type.js";
import { containerArg, containerRef, describeContainer, engineField, type Engine } from "./container-ref.js";
import { describeBytes, parseBytes } from "./formats/sizes.js";

type CgroupSpec = CommonSpec & { container: string; engine: Engine; memory?: string | number; cpus?: number | "max"; pids?: number | "max" };

const FILES = ["memory.max", "memory.limit_in_bytes", "cpu.max", "cpu.cfs_quota_us", "cpu.cfs_period_us", "pids.max"];

export const cgroupLimitCheck: CheckType<CgroupSpec> = {
  type: "cgroup-limit",
  summary: "a container's memory, CPU or pids limit, as cgroup v1 or v2 files hold it",
  schema: z.strictObject({
    container: containerRef,
    engine: engineField,
    memory: z.union([z.string().regex(/^(\d+(\.\d+)?\s*[bkmgtBKMGT]?(i?[bB])?|max)$/, 'memory is bytes, "42m", "1g" or "max"'), z.number().int().min(0)]).optional(),
    cpus: z.union([z.number().positive(), z.literal("max")]).optional(),
    pids: z.union([z.number().int().positive(), z.literal("max")]).optional(),
  }),
  validate: (spec) =>
    spec.memory === undefined && spec.cpus === undefined && spec.pids === undefined
      ? [{ path: [], message: "give at least one limit: memory, cpus or pids" }]
      : [],
  requires: (spec) => [spec.engine],
  probes(spec) {
    const id = `$(${spec.engine} container inspect --format '{{.Id}}' ${containerArg(spec.engine, spec.container)})`;
    const names = FILES.map((f) => f.replace(/\./g, "\\.")).join("|");
    return [`id=${id} && [ -n "$id" ] && for f in $(find /sys/fs/cgroup/ | grep "$id" | grep -E '/(${names})$'); do echo "$f $(cat "$f")"; done`];
  },
  evaluate(spec, [r]) {
    const who = describeContainer(spec.container);
    const files = readFiles(r.stdout);
    if (files.size === 0) return fail(spec, `found no cgroup limit files for ${who} (is it running?)`, r.stderr.trim().split("\n")[0] ?? "");
    const evidence = [...files].map(([p, v]) => `${p} ${v}`).join("\n");
    const problems: string[] = [];
    const seen: string[] = [];
    if (spec.memory !== undefined) {
      const want = parseBytes(spec.memory);
      const have = tightest(files, ["memory.max", "memory.limit_in_bytes"], parseBytes);
      if (have === null) problems.push("no memory limit file");
      else if (have !== want) problems.push(`memory limit is ${describeBytes(have)}, not ${describeBytes(want)}`);
      else seen.push(`memory ${describeBytes(have)}`);
    }
    if (spec.cpus !== undefined) {
      const want = spec.cpus === "max" ? Infinity : spec.cpus;
      const have = cpus(files);
      if (have === null) problems.push("no CPU quota file");
      else if (!(have === want || Math.abs(have - want) < 0.005)) problems.push(`CPU limit is ${fmtCpus(have)}, not ${fmtCpus(want)}`);
      else seen.push(`CPU ${fmtCpus(have)}`);
    }
    if (spec.pids !== undefined) {
      const want = spec.pids === "max" ? Infinity : spec.pids;
      const have = tightest(files, ["pids.max"], (v) => (v === "max" ? Infinity : Number(v)));
      if (have === null) problems.push("no pids.max file");
      else if (have !== want) problems.push(`pids limit is ${Number.isFinite(have) ? have : "max"}, not ${spec.pids}`);
      else seen.push(`pids ${Number.isFinite(have) ? have : "max"}`);
    }
    if (problems.length) return fail(spec, `${who}: ${problems.join("; ")}`, evidence);
    return pass(spec, `${who} is limited as expected: ${seen.join(", ")}`, evidence);
  },
};

// path → value, conmon's cgroups left out.
function readFiles(stdout: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const line of stdout.split("\n")) {
    const m = /^(\/sys\/fs\/cgroup\/\S+) (.*)$/.exec(line.trim());
    if (!m || m[1].includes("conmon")) continue;
    files.set(m[1], m[2].trim());
  }
  return files;
}

function byName(files: Map<string, string>, name: string): Array<[string, string]> {
  return [...files].filter(([p]) => p.endsWith(`/${name}`));
}

// The effective limit is the smallest along the path (a child can't exceed its parent).
function tightest(files: Map<string, string>, names: string[], parse: (v: string) => number): number | null {
  const values = names.flatMap((n) => byName(files, n)).map(([, v]) => parse(v)).filter((v) => !Number.isNaN(v));
  return values.length ? Math.min(...values) : null;
}

function cpus(files: Map<string, string>): number | null {
  const values: number[] = [];
  for (const [, v] of byName(files, "cpu.max")) {
    const [quota, period] = v.split(/\s+/);
    if (quota === "max") values.push(Infinity);
    else if (Number(period) > 0 && Number.isFinite(Number(quota))) values.push(Number(quota) / Number(period));
  }
  for (const [path, v] of byName(files, "cpu.cfs_quota_us")) {
    const period = Number(files.get(path.replace(/cpu\.cfs_quota_us$/, "cpu.cfs_period_us")) ?? 100000);
    const quota = Number(v);
    if (quota < 0) values.push(Infinity);
    else if (period > 0 && Number.isFinite(quota)) values.push(quota / period);
  }
  return values.length ? Math.min(...values) : null;
}

function fmtCpus(n: number): string {
  return Number.isFinite(n) ? `${Math.round(n * 1000) / 1000} CPUs` : "no limit";
}
