// `type: seccomp` — a seccomp profile denied a system call: the command failed with EPERM ("Operation not
// permitted", the errno runc and crun give an SCMP_ACT_ERRNO rule without errnoRet — host-facts/coreutils/
// chmod-error-message.md).
//
// Probes only read the host, so by default the evidence is the container the student ran (probe: observed):
// an exited container whose command is `command`, with a non-zero exit code, whose log holds the errno message.
// `probe: run` is the one documented exception to "probes only read": it runs a throwaway container
// (`--rm --network none`) with the profile to show the profile itself denies the call. It proves the profile,
// not the student's work, so lint warns about it and self-test will usually report it can't fail.
import { z } from "zod";
import type { CheckType, CommonSpec } from "./check-type.js";
import { errorVerdict, fail, pass } from "./check-type.js";
import { engineField, type Engine } from "./container-ref.js";
import { containerName, parseInspect, type Inspected } from "./formats/inspect.js";
import { shellQuote } from "../probe.js";

/** strerror(3) texts of the errnos a seccomp ERRNO rule typically returns. */
export const ERRNO_TEXT = {
  EPERM: "Operation not permitted",
  EACCES: "Permission denied",
  ENOSYS: "Function not implemented",
  EINVAL: "Invalid argument",
} as const;

type SeccompSpec = CommonSpec & {
  command: string;
  errno: keyof typeof ERRNO_TEXT;
  probe: "observed" | "run";
  engine: Engine;
  profile?: string;
  image?: string;
};


export const seccompCheck: CheckType<SeccompSpec> = {
  type: "seccomp",
  summary: "a command in a container was denied by a seccomp profile (EPERM)",
  schema: z.strictObject({
    command: z.string().min(1).max(1000),
    errno: z.enum(Object.keys(ERRNO_TEXT) as [keyof typeof ERRNO_TEXT]).default("EPERM"),
    probe: z.enum(["observed", "run"]).default("observed"),
    engine: engineField,
    profile: z.string().min(1).optional(),
    image: z.string().min(1).optional(),
  }),
  validate(spec) {
    if (spec.probe === "run" && (!spec.profile || !spec.image)) {
      return [{ path: ["probe"], message: "probe: run needs profile (the seccomp JSON file) and image" }];
    }
    return [];
  },
  requires: (spec) => [spec.engine],
  changesHost: (spec) => spec.probe === "run",
  probes(spec) {
    const e = spec.engine;
    if (spec.probe === "run") {
      return [`${e} run --rm --network none --security-opt seccomp=${shellQuote(spec.profile!)} ${shellQuote(spec.image!)} ${spec.command} 2>&1`];
    }
    return [
      `${e} container inspect $(${e} ps -a -q --no-trunc)`,
      // Every log line is prefixed with its container's id, so one container's log can't pose as another's.
      `for c in $(${e} ps -a -q --no-trunc); do ${e} logs "$c" 2>&1 | tail -n 20 | sed "s/^/$c /"; done`,
    ];
  },
  evaluate(spec, results) {
    const denial = ERRNO_TEXT[spec.errno];
    if (spec.probe === "run") {
      const [r] = results;
      const line = r.stdout.split("\n").find((l) => l.includes(denial)) ?? "";
      if (r.exitCode !== 0 && line) return pass(spec, `\`${spec.command}\` is denied under ${spec.profile}`, `${line}\nexit ${r.exitCode}`);
      if (r.exitCode === 125 || r.exitCode === 127) return errorVerdict(spec, `the container could not start (exit ${r.exitCode})`, r.stdout);
      return fail(spec, `\`${spec.command}\` was not denied under ${spec.profile} (exit ${r.exitCode})`, r.stdout);
    }
    const [inspect, logs] = results;
    const containers = parseInspect(inspect.stdout).filter((c) => runs(c, spec.command));
    if (containers.length === 0) return fail(spec, `no container ran \`${spec.command}\``, "");
    const logOf = splitLogs(logs.stdout);
    for (const c of containers) {
      const log = logOf.get(String(c.Id)) ?? "";
      const line = log.split("\n").find((l) => l.includes(denial));
      const code = c?.State?.ExitCode;
      if (line && typeof code === "number" && code !== 0) {
        return pass(spec, `\`${spec.command}\` in ${containerName(c) || "a container"} was denied: ${spec.errno}`, `${line.trim()}\nexit ${code}`);
      }
    }
    const c = containers[containers.length - 1];
    return fail(
      spec,
      `\`${spec.command}\` ran in ${containers.length} container(s) but was never denied with "${denial}"`,
      `${containerName(c)}: exit ${c?.State?.ExitCode}\n${(logOf.get(String(c.Id)) ?? "").trim().slice(0, 300)}`,
    );
  },
};

// The container's command line: Config.Cmd as given to `podman run IMAGE cmd…` (Path + Args as a fallback).
function runs(c: Inspected, command: string): boolean {
  const cmd = Array.isArray(c?.Config?.Cmd) ? c.Config.Cmd.join(" ") : [c?.Path, ...(Array.isArray(c?.Args) ? c.Args : [])].join(" ");
  const want = command.trim().split(/\s+/).join(" ");
  return cmd.trim().split(/\s+/).join(" ").includes(want);
}

// "ID line" → the lines of each container's log, by id.
function splitLogs(stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of stdout.split("\n")) {
    const m = /^([0-9a-f]{12,64}) (.*)$/.exec(line);
    if (m) out.set(m[1], (out.get(m[1]) ?? "") + m[2] + "\n");
  }
  return out;
}
