/**
 * The options `run` and `create` share (podman-run(1), docker-run(1)): how the words of the command line become a
 * create request — tty, stdin, name, volumes, environment, security options (seccomp profile, SELinux label),
 * resource limits — and the engine's refusals for bad ones. The seccomp profile file is read from the host, relative
 * to the shell's working directory, at create time, as podman does when it generates the spec.
 */
import type { SeccompFilter } from "../../kernel/seccomp.js";
import { parseSeccompProfile } from "../../kernel/seccomp.js";
import { defaultSeccompFilter } from "../seccomp-defaults.js";
import type { Resources, VolumeMount } from "../container.js";
import { parseFlags, type FlagSpec, type ParsedFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import type { CommandResult } from "../../userland/command.js";
import { parseVolume } from "../volumes.js";
import { parseCapList } from "../security.js";

/** Flags of run/create (the ones a lab uses, plus common ones accepted and ignored). */
export function createFlagSpecs(withDetach: boolean): FlagSpec[] {
  const specs: FlagSpec[] = [
    { name: "tty", short: "t", kind: "bool" },
    { name: "interactive", short: "i", kind: "bool" },
    { name: "rm", kind: "bool" },
    { name: "privileged", kind: "bool" },
    { name: "name", kind: "string" },
    { name: "hostname", short: "h", kind: "string" },
    { name: "memory", short: "m", kind: "string" },
    { name: "cpus", kind: "string" },
    { name: "pids-limit", kind: "string" },
    { name: "workdir", short: "w", kind: "string" },
    { name: "user", short: "u", kind: "string" },
    { name: "network", kind: "string" },
    { name: "net", kind: "string" },
    { name: "pid", kind: "string" },
    { name: "ipc", kind: "string" },
    { name: "uts", kind: "string" },
    { name: "restart", kind: "string" },
    { name: "entrypoint", kind: "string" },
    { name: "volume", short: "v", kind: "list" },
    { name: "env", short: "e", kind: "list" },
    { name: "security-opt", kind: "list" },
    { name: "label", short: "l", kind: "list" },
    { name: "publish", short: "p", kind: "list" },
    { name: "cap-add", kind: "list" },
    { name: "cap-drop", kind: "list" },
  ];
  if (withDetach) specs.push({ name: "detach", short: "d", kind: "bool" });
  return specs;
}

/** Everything but the image, parsed. */
export interface CreateOptions {
  flags: ParsedFlags;
  image: string;
  args: string[];
  tty: boolean;
  interactive: boolean;
  detach: boolean;
  name?: string;
  volumes: VolumeMount[];
  env: string[];
  seccomp: SeccompFilter | null;
  seccompProfile: string;
  labelOpts: string[];
  resources: Resources;
  entrypoint?: string;
  /** --cap-add / --cap-drop (normalised) and --privileged */
  capAdd: string[];
  capDrop: string[];
  privileged: boolean;
}

const UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** docker/go-units RAMInBytes: "42m" → 44040192 (binary units). */
export function parseRam(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt])?b?$/i.exec(text.trim());
  if (!m) return undefined;
  return Math.floor(Number(m[1]) * UNITS[(m[2] ?? "b").toLowerCase()]!);
}

/** Parses the run/create words; prints the engine's error and returns a result on failure. */
export function parseCreateOptions(call: EngineCall, args: string[], allowDetach: boolean): CreateOptions | CommandResult {
  const parsed = parseFlags(args, createFlagSpecs(allowDetach), false);
  if ("error" in parsed) return call.usage(parsed.error);
  const f = parsed;
  const image = f.positionals[0];
  if (!image) {
    if (call.era.engine === "podman") return call.fail(`${call.verb} requires at least 1 arg(s), only received 0`);
    return call.usage(`"${call.argv0} ${call.verb}" requires at least 1 argument.\nUsage:  ${call.argv0} ${call.verb} [OPTIONS] IMAGE [COMMAND] [ARG...]\n`);
  }
  const volumes: VolumeMount[] = [];
  for (const spec of f.lists.get("volume") ?? []) {
    const v = parseVolume(spec);
    if ("error" in v) return call.fail(v.error);
    if (!call.ctx.fs.existsSync(v.source)) {
      if (call.era.engine === "podman") {
        return call.fail(call.era.family === "podman4" ? `statfs ${v.source}: no such file or directory` : `error checking path "${v.source}": stat ${v.source}: no such file or directory`);
      }
      call.ctx.fs.mkdirSync(v.source, { recursive: true });
    }
    volumes.push(v);
  }
  let seccomp: SeccompFilter | null = defaultFilter(call);
  let seccompProfile = "";
  const labelOpts: string[] = [];
  for (const opt of f.lists.get("security-opt") ?? []) {
    const eq = opt.indexOf("=");
    const key = eq < 0 ? opt : opt.slice(0, eq);
    const value = eq < 0 ? "" : opt.slice(eq + 1);
    if (key === "seccomp") {
      if (value === "unconfined") {
        seccomp = null;
        seccompProfile = "unconfined";
        continue;
      }
      const loaded = loadProfile(call, value);
      if ("error" in loaded) return call.fail(loaded.error);
      seccomp = loaded;
      seccompProfile = value;
    } else if (key === "label") {
      labelOpts.push(value);
    } else if (key !== "no-new-privileges" && key !== "apparmor") {
      return call.fail(`invalid --security-opt 1: "${opt}"`);
    }
  }
  const caps = { add: parseCapList(f.lists.get("cap-add") ?? []), drop: parseCapList(f.lists.get("cap-drop") ?? []) };
  for (const list of [caps.add, caps.drop]) {
    if ("unknown" in list) {
      const name = `CAP_${list.unknown.toUpperCase().replace(/^CAP_/, "")}`;
      return call.era.engine === "podman" ? call.fail(`unknown capability "${name}": invalid argument`) : call.runFail(`invalid CapAdd: unknown capability: "${name}"`);
    }
  }
  const privileged = f.bools.has("privileged");
  if (privileged && !f.lists.get("security-opt")?.some((o) => o.startsWith("seccomp="))) seccomp = null;
  const resources: Resources = {};
  const memory = f.strings.get("memory");
  if (memory !== undefined) {
    const n = parseRam(memory);
    if (n === undefined) return call.fail(`invalid argument "${memory}" for "-m, --memory" flag: invalid size: '${memory}'`);
    resources.memory = n;
  }
  const cpus = f.strings.get("cpus");
  if (cpus !== undefined) {
    const n = Number(cpus);
    if (!Number.isFinite(n) || n < 0) return call.fail(`invalid argument "${cpus}" for "--cpus" flag: strconv.ParseFloat: parsing "${cpus}": invalid syntax`);
    resources.nanoCpus = Math.round(n * 1e9);
  }
  const pids = f.strings.get("pids-limit");
  if (pids !== undefined) {
    const n = Number(pids);
    if (!Number.isInteger(n)) return call.fail(`invalid argument "${pids}" for "--pids-limit" flag: strconv.ParseInt: parsing "${pids}": invalid syntax`);
    resources.pidsLimit = n;
  }
  return {
    flags: f, image, args: f.positionals.slice(1),
    tty: f.bools.has("tty"), interactive: f.bools.has("interactive"), detach: f.bools.has("detach"),
    ...(f.strings.has("name") ? { name: f.strings.get("name")! } : {}),
    volumes, env: f.lists.get("env") ?? [], seccomp, seccompProfile, labelOpts, resources,
    capAdd: "caps" in caps.add ? caps.add.caps : [], capDrop: "caps" in caps.drop ? caps.drop.caps : [], privileged,
    ...(f.strings.has("entrypoint") ? { entrypoint: f.strings.get("entrypoint")! } : {}),
  };
}

/** The engine's default filter, shared by every container of the host (one object in the host's caches). */
function defaultFilter(call: EngineCall): SeccompFilter {
  const key = `seccomp-default:${call.era.seccompDefault}`;
  let f = call.host.caches.get(key) as SeccompFilter | undefined;
  if (!f) {
    f = defaultSeccompFilter(call.era.seccompDefault);
    call.host.caches.set(key, f);
  }
  return f;
}

/** Reads and parses a profile from the host, relative to the shell's cwd. */
function loadProfile(call: EngineCall, path: string): SeccompFilter | { error: string } {
  const abs = path.startsWith("/") ? path : `${call.ctx.cwd.replace(/\/$/, "")}/${path}`;
  let text: string;
  try {
    text = call.ctx.fs.readFileSync(abs);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const reason = code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a directory" : "no such file or directory";
    if (call.era.family === "podman4") return { error: `opening seccomp profile failed: open ${path}: ${reason}` };
    return { error: `opening seccomp profile (${path}) failed: open ${path}: ${reason}` };
  }
  const f = parseSeccompProfile(text, path);
  if ("error" in f) return { error: `loading seccomp profile (${path}) failed: ${f.error}` };
  return f;
}
