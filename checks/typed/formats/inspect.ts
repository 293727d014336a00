// `podman container inspect` / `docker container inspect` output: a JSON array with one object per container
// (host-facts/podman-cli/observed-podman-4.3.1-inspect-on-off-container.json). Field names are shared by both
// engines for what checks read: Id, Name (docker prefixes "/"), State.Status, State.ExitCode, State.Pid,
// ImageName (podman) or Config.Image, GraphDriver.Data, Mounts, HostConfig.SecurityOpt.
import { tryParseJson } from "./json-path.js";

export type Inspected = Record<string, any>;

/**
 * The container objects of an inspect output; [] when it is not the expected JSON. Only objects with a `State`
 * count: plain `podman inspect NAME` falls back to an image of that name, and an image is not a container.
 */
export function parseInspect(stdout: string): Inspected[] {
  const doc = tryParseJson(stdout.trim());
  const list = Array.isArray(doc) ? doc : doc && typeof doc === "object" ? [doc] : [];
  return list.filter(
    (c): c is Inspected => !!c && typeof c === "object" && !Array.isArray(c) && !!c.State && typeof c.State === "object",
  );
}

/** A container's state as one word. Podman 1.x said "configured" for created; 4.x may say "stopped" for exited. */
export function containerState(c: Inspected): string {
  const status = String(c?.State?.Status ?? "").toLowerCase();
  if (status === "configured") return "created";
  if (status === "stopped") return "exited";
  return status;
}

/** The image reference the container was created from. */
export function containerImage(c: Inspected): string {
  return String(c?.ImageName ?? c?.Config?.Image ?? "");
}

/** Container name without docker's leading slash. */
export function containerName(c: Inspected): string {
  return String(c?.Name ?? "").replace(/^\//, "");
}

/** `quay.io/x/y` matches `quay.io/x/y:latest`; a name without registry matches any registry's. */
export function imageMatches(actual: string, wanted: string): boolean {
  const norm = (ref: string) => (/:[^/]+$/.test(ref) || ref.includes("@") ? ref : `${ref}:latest`);
  const a = norm(actual);
  const w = norm(wanted);
  return a === w || a.endsWith(`/${w}`);
}
