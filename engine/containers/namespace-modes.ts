/**
 * Which namespaces a container shares instead of getting its own (podman-run(1) `--network`, `--pid`, `--ipc`,
 * `--uts`): `host` puts it in the host's namespace of that kind, `container:NAME` in the namespace of another,
 * running container (that is how a pod's members share one network), `none` (network only) gives a namespace
 * with nothing but `lo`; `private`, `bridge` or leaving the flag out gives a fresh one. The choice is kept on the
 * container record as written, and resolved when the container starts.
 */
import type { Host } from "../host.js";
import type { ParsedFlags } from "./cli/flags.js";
import { engineState, findContainer, type Container } from "./container.js";
import type { EngineEra } from "./engines.js";

export type SharedKind = "net" | "pid" | "ipc" | "uts";

/** The modes given on the command line (only those that are not the default). */
export function parseNsModes(flags: ParsedFlags): Partial<Record<SharedKind, string>> {
  const modes: Partial<Record<SharedKind, string>> = {};
  const net = flags.strings.get("network") ?? flags.strings.get("net");
  if (net !== undefined && net !== "bridge" && net !== "default" && net !== "private" && net !== "podman") modes.net = net;
  for (const kind of ["pid", "ipc", "uts"] as const) {
    const v = flags.strings.get(kind);
    if (v !== undefined && v !== "private" && v !== "") modes[kind] = v;
  }
  return modes;
}

/** A mode that names a container which does not exist: the engine's error text, else undefined. */
export function checkNsModes(host: Host, era: EngineEra, modes: Partial<Record<SharedKind, string>>): string | undefined {
  for (const mode of Object.values(modes)) {
    if (!mode?.startsWith("container:")) continue;
    const ref = mode.slice("container:".length);
    if (!findContainer(engineState(host, era.engine), ref)) return `no container with name or ID "${ref}" found: no such container`;
  }
  return undefined;
}

/** The namespaces a starting container joins (host ids), and whether its network is `none`. */
export function joinedNamespaces(host: Host, era: EngineEra, c: Container): { ns: Partial<Record<SharedKind, number>>; noNetwork: boolean } {
  const ns: Partial<Record<SharedKind, number>> = {};
  const modes = c.nsModes ?? {};
  for (const kind of ["net", "pid", "ipc", "uts"] as const) {
    const mode = modes[kind];
    if (mode === "host") ns[kind] = host.namespaces.init[kind];
    else if (mode?.startsWith("container:")) {
      const other = findContainer(engineState(host, era.engine), mode.slice("container:".length));
      const id = other?.ns?.[kind];
      if (id !== undefined) ns[kind] = id;
    }
  }
  return { ns, noNetwork: modes.net === "none" };
}
