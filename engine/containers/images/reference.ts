/**
 * Image references (docker/distribution `reference`, containers/image `docker.ParseNormalizedNamed`): how a name
 * a student types — `ubi7/ubi`, `busybox`, `registry.access.redhat.com/ubi7/ubi:latest` — becomes a fully
 * qualified `registry/repository:tag`.
 *
 * What always holds: the first path component is a registry host only if it contains a `.` or `:` or is
 * `localhost`; the tag defaults to `latest`. docker resolves every other name on docker.io (one-component names
 * under `library/`). podman resolves such "short names" through /etc/containers/registries.conf: podman 1.x
 * tries each `[registries.search]` registry in order; podman 4 first looks the name up in the short-name aliases
 * (registries.conf.d/000-shortnames.conf) and otherwise, without a terminal to ask on, refuses
 * (short-name-mode "enforcing").
 */

/** A parsed reference. */
export interface ImageRef {
  /** registry host, or "" if the name had none (a short name) */
  registry: string;
  /** repository path, e.g. "ubi7/ubi" or "busybox" */
  repository: string;
  tag: string;
  /** `@sha256:…` if given */
  digest?: string;
}

const DOMAIN_RE = /^(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+|[a-z0-9.-]+:\d+)$/i;
const PATH_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;

/** Parses a reference; undefined if it is not a valid one (docker: "invalid reference format"). */
export function parseImageRef(text: string): ImageRef | undefined {
  if (text.length === 0 || text.length > 255) return undefined;
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  }
  let tag = "latest";
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) return undefined;
  }
  const parts = rest.split("/");
  let registry = "";
  if (parts.length > 1 && DOMAIN_RE.test(parts[0]!)) registry = parts.shift()!;
  const repository = parts.join("/");
  if (!PATH_RE.test(repository)) return undefined;
  const ref: ImageRef = { registry: registry.toLowerCase(), repository, tag };
  if (digest) ref.digest = digest;
  return ref;
}

/** `registry/repository:tag` (or `@digest`). */
export function formatImageRef(ref: ImageRef): string {
  const name = ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
  return ref.digest ? `${name}@${ref.digest}` : `${name}:${ref.tag}`;
}

/** `registry/repository` without the tag. */
export function repoName(ref: ImageRef): string {
  return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}

/** docker's normalisation: no registry → docker.io, one component → library/. */
export function normalizeDocker(ref: ImageRef): ImageRef {
  if (ref.registry) return ref;
  const repository = ref.repository.includes("/") ? ref.repository : `library/${ref.repository}`;
  return { ...ref, registry: "docker.io", repository };
}

/** How podman would look a short name up: the candidates in order, or a refusal. */
export type ShortNameResolution =
  | { kind: "qualified"; candidates: ImageRef[] }
  | { kind: "alias"; candidates: ImageRef[]; alias: string; aliasFile: string }
  | { kind: "search"; candidates: ImageRef[] }
  | { kind: "refused"; error: string };

/** The registries.conf that matters for short names. */
export interface ShortNamePolicy {
  /** unqualified-search registries, in order */
  searchRegistries: string[];
  /** short-name aliases: "busybox" → "docker.io/library/busybox" (podman 3+); empty for podman 1.x */
  aliases: Record<string, string>;
  /** where the aliases come from, as podman prints it */
  aliasFile: string;
  /** podman 3+: with several search registries and no alias, refuse instead of trying each */
  enforcing: boolean;
}

/** Resolves a reference as podman would (short names through aliases or the search registries). */
export function resolvePodmanRef(ref: ImageRef, policy: ShortNamePolicy): ShortNameResolution {
  if (ref.registry) {
    // podman normalises docker.io/busybox to docker.io/library/busybox
    return { kind: "qualified", candidates: [ref.registry === "docker.io" ? normalizeDocker({ ...ref, registry: "" }) : ref] };
  }
  const target = policy.aliases[ref.repository];
  if (target) {
    const aliased = parseImageRef(`${target}:${ref.tag}`)!;
    return { kind: "alias", candidates: [aliased], alias: ref.repository, aliasFile: policy.aliasFile };
  }
  if (policy.enforcing && policy.searchRegistries.length > 1) {
    return { kind: "refused", error: "short-name resolution enforced but cannot prompt without a TTY" };
  }
  const candidates = policy.searchRegistries.map((registry) =>
    registry === "docker.io" ? normalizeDocker(ref) : { ...ref, registry },
  );
  return { kind: "search", candidates };
}
