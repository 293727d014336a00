// Container registries a lab's images may come from. A registry host is the first component of an image reference
// when it looks like a host name (contains a dot or a port, or is `localhost`), as containers/image's reference
// parser decides (docker/reference: "domain" = first component with '.', ':' or "localhost"). The list is short on
// purpose: the public registries labs use. A name one or two typos away from one of them is surely a typo
// (`registry-access.redhat.com`); any other name is reported as unknown, not wrong (it may be a private registry).

export const KNOWN_REGISTRIES = [
  "registry.access.redhat.com",
  "registry.redhat.io",
  "quay.io",
  "docker.io",
  "index.docker.io",
  "registry-1.docker.io",
  "registry.fedoraproject.org",
  "gcr.io",
  "ghcr.io",
  "k8s.gcr.io",
  "registry.k8s.io",
  "mcr.microsoft.com",
  "public.ecr.aws",
  "registry.gitlab.com",
] as const;

/** Hosts that are private by construction: never reported. */
const PRIVATE = /^(localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\])$|\.(local|localdomain|internal|lan|test|example|svc|home\.arpa)$|\.example\.(com|org|net)$/i;

/** The registry host of an image reference, or null for Docker Hub short names (`ubi`, `library/nginx`). */
export function registryHost(image: string): string | null {
  if (image.includes("$") || image.includes("`")) return null;
  const slash = image.indexOf("/");
  if (slash < 0) return null;
  const first = image.slice(0, slash);
  if (!(first.includes(".") || first.includes(":") || first === "localhost")) return null;
  return first.replace(/:\d+$/, "").toLowerCase();
}

/** Whether a registry host needs no check: a well-known one or a private-looking one. */
export function isAcceptedRegistry(host: string): boolean {
  return (KNOWN_REGISTRIES as readonly string[]).includes(host) || PRIVATE.test(host);
}
