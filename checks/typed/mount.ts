// `type: mount` — something is mounted. Three questions, one type:
//   container: X                    X's root file system: the overlay `merged` dir of its read-write layer is
//                                   mounted on the host (after `podman mount X` or while X runs). The path comes
//                                   from `podman inspect` (GraphDriver.Data.UpperDir's sibling `merged`: MergedDir
//                                   reads `<no value>` until the first mount — host-facts transcripts, step 2).
//   container: X, destination: /mnt X's volume or bind mount at /mnt (inspect .Mounts): source, options, rw
//   path: /var/lib/*/merged          a mount point on the host, by glob, read from `mount`
// Mounts of a container's own namespace are invisible in the host's `mount`; that is why volumes come from inspect.
import { z } from "zod";
import type { CheckType, CommonSpec } from "./check-type.js";
import { errorVerdict, fail, pass } from "./check-type.js";
import { containerArg, containerRef, describeContainer, engineField, type Engine } from "./container-ref.js";
import { parseInspect } from "./formats/inspect.js";
import { globMatches, parseMounts, type MountEntry } from "./formats/mount-table.js";

type MountSpec = CommonSpec & {
  container?: string;
  engine: Engine;
  destination?: string;
  path?: string;
  source?: string;
  fstype?: string;
  options: string[];
  mounted: boolean;
};

export const mountCheck: CheckType<MountSpec> = {
  type: "mount",
  summary: "a container's overlay root is mounted on the host, a container's bind mount, or a host mount point",
  schema: z.strictObject({
    container: containerRef.optional(),
    engine: engineField,
    destination: z.string().regex(/^\//, "a destination is an absolute path in the container").optional(),
    path: z.string().regex(/^\//, "a mount point pattern starts with /").max(4096).optional(),
    source: z.string().min(1).optional(),
    fstype: z.string().regex(/^[\w.-]+$/).optional(),
    options: z.array(z.string().min(1)).default([]),
    mounted: z.boolean().default(true),
  }),
  validate(spec) {
    if (!spec.container && !spec.path) return [{ path: [], message: "name a container or a mount point path" }];
    if (spec.container && spec.path) return [{ path: ["path"], message: "give container or path, not both" }];
    if (spec.destination && !spec.container) return [{ path: ["destination"], message: "destination needs a container" }];
    return [];
  },
  requires: (spec) => (spec.container ? [spec.engine] : []),
  probes(spec) {
    if (!spec.container) return ["mount"];
    const inspect = `${spec.engine} container inspect ${containerArg(spec.engine, spec.container)}`;
    return spec.destination ? [inspect] : [inspect, "mount"];
  },
  evaluate(spec, [first, second]) {
    if (!spec.container) return judgeHostMount(spec, parseMounts(first.stdout), spec.path!, first);
    const who = describeContainer(spec.container);
    const c = parseInspect(first.stdout)[0];
    if (!c) return fail(spec, `${who} does not exist`, first.stderr.trim().split("\n")[0] ?? "");
    if (spec.destination) return judgeVolume(spec, c, who);
    const data = c?.GraphDriver?.Data ?? {};
    const merged =
      typeof data.MergedDir === "string" && data.MergedDir.startsWith("/")
        ? data.MergedDir
        : typeof data.UpperDir === "string" && data.UpperDir.endsWith("/diff")
          ? data.UpperDir.replace(/\/diff$/, "/merged")
          : null;
    if (!merged) return errorVerdict(spec, `${who} has no overlay layer in inspect (GraphDriver ${c?.GraphDriver?.Name ?? "?"})`, JSON.stringify(data).slice(0, 300));
    return judgeHostMount({ ...spec, fstype: spec.fstype ?? "overlay" }, parseMounts(second.stdout), merged, second, `the root file system of ${who}`);
  },
};

function judgeHostMount(spec: MountSpec, mounts: MountEntry[], pattern: string, probe: { stdout: string; stderr: string }, what?: string) {
  if (mounts.length === 0) return errorVerdict(spec, "could not read the mount table (mount printed nothing usable)", probe.stderr || probe.stdout);
  const name = what ?? `a mount on ${pattern}`;
  const candidates = mounts.filter((m) => (what ? m.target === pattern : globMatches(pattern, m.target)));
  const good = candidates.filter(
    (m) =>
      (!spec.fstype || m.fstype === spec.fstype) &&
      (!spec.source || m.source === spec.source) &&
      spec.options.every((o) => m.options.includes(o)),
  );
  const evidence = (good.length ? good : candidates).map((m) => m.line).join("\n");
  if (!spec.mounted) return good.length ? fail(spec, `${name} is still mounted`, evidence) : pass(spec, `${name} is not mounted`, pattern);
  if (good.length) return pass(spec, `${name} is mounted at ${good[0].target}`, evidence);
  if (candidates.length) {
    const m = candidates[0];
    return fail(spec, `${m.target} is mounted, but as ${m.fstype} from ${m.source} (${m.options.slice(0, 4).join(",")}…)`, evidence);
  }
  return fail(spec, `${name} is not mounted${what ? ` (${pattern})` : ""}`, pattern);
}

function judgeVolume(spec: MountSpec, c: Record<string, any>, who: string) {
  const mounts: Array<Record<string, any>> = Array.isArray(c.Mounts) ? c.Mounts : [];
  const m = mounts.find((x) => x?.Destination === spec.destination);
  const evidence = m ? `${m.Type} ${m.Source} -> ${m.Destination} (${(m.Options ?? []).join(",")}${m.RW === false ? ",ro" : ""})` : "";
  if (!m) return spec.mounted ? fail(spec, `${who} has no mount at ${spec.destination}`, mounts.map((x) => x?.Destination).join(" ")) : pass(spec, `${who} has no mount at ${spec.destination}`);
  if (!spec.mounted) return fail(spec, `${who} still has a mount at ${spec.destination}`, evidence);
  if (spec.source && m.Source !== spec.source) return fail(spec, `${spec.destination} in ${who} comes from ${m.Source}, not ${spec.source}`, evidence);
  if (spec.fstype && m.Type !== spec.fstype) return fail(spec, `${spec.destination} in ${who} is a ${m.Type} mount, not ${spec.fstype}`, evidence);
  // Options as `podman run -v` takes them: ro/rw map to the RW flag, the rest to Options (rbind, rprivate…).
  const have = new Set<string>([...(m.Options ?? []), m.RW === false ? "ro" : "rw", m.Propagation].filter(Boolean));
  const missing = spec.options.filter((o) => !have.has(o));
  if (missing.length) return fail(spec, `${spec.destination} in ${who} lacks option ${missing.join(", ")}`, evidence);
  return pass(spec, `${who} mounts ${m.Source} at ${spec.destination}`, evidence);
}
