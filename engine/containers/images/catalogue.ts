/**
 * The registries the simulated host can reach and what they hold: a fixed catalogue, since nothing here touches
 * a network. Each image has a distro (its root filesystem is generated from that, see rootfs.ts), its config
 * (Cmd, Env, Entrypoint as `podman inspect` shows them), a size and a creation date; digests are SHA-256 of texts
 * derived from the entry, so they are real-looking, stable across runs and consistent with each other.
 *
 * What a real registry answers is kept too: a host that does not resolve gives "no such host", a repository or tag
 * a registry does not have gives that registry's own error wording (quay.io and docker.io deny rather than say
 * "not found", registry.access.redhat.com says "Repo not found").
 */
import { digestOf, sha256Hex } from "./digest.js";
import type { DistroName } from "./rootfs.js";
import type { ImageRef } from "./reference.js";

/** One image of the catalogue. */
export interface CatalogueImage {
  registry: string;
  repository: string;
  tags: string[];
  distro: DistroName;
  /** Config.Cmd */
  cmd: string[];
  /** Config.Entrypoint ([] when none) */
  entrypoint: string[];
  env: string[];
  labels: Record<string, string>;
  /** ISO time the image was built */
  created: string;
  /** uncompressed size in bytes (what `images` shows) */
  size: number;
  /** number of layers */
  layers: number;
  /** StopSignal, if the image sets one */
  stopSignal?: string;
}

/** What a registry answers for names it does not know. */
interface RegistryErrors {
  /** the repository does not exist */
  noRepo: string;
  /** the tag does not exist */
  noTag: string;
}

const RH_ENV = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "container=oci"];
const PLAIN_ENV = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"];

function rhLabels(name: string, version: string, release: string): Record<string, string> {
  return {
    architecture: "x86_64",
    "com.redhat.component": `${name}-container`,
    "com.redhat.license_terms": "https://www.redhat.com/en/about/red-hat-end-user-license-agreements#UBI",
    description: `Red Hat Universal Base Image ${version.split(".")[0]}, a freely redistributable base layer for container images.`,
    "io.k8s.display-name": `Red Hat Universal Base Image ${version.split(".")[0]}`,
    name,
    release,
    summary: `Red Hat Universal Base Image ${version.split(".")[0]}`,
    vendor: "Red Hat, Inc.",
    version,
  };
}

/** The images the registries hold. */
export const CATALOGUE: CatalogueImage[] = [
  {
    registry: "registry.access.redhat.com", repository: "ubi7/ubi", tags: ["latest", "7.9"], distro: "rhel7",
    cmd: ["/bin/bash"], entrypoint: [], env: RH_ENV, labels: rhLabels("ubi7", "7.9", "1445"),
    created: "2024-06-05T09:03:41Z", size: 215_325_184, layers: 1,
  },
  {
    registry: "registry.access.redhat.com", repository: "ubi8/ubi", tags: ["latest", "8.10"], distro: "rhel8",
    cmd: ["/bin/bash"], entrypoint: [], env: RH_ENV, labels: rhLabels("ubi8", "8.10", "1184"),
    created: "2024-11-19T10:14:22Z", size: 213_874_688, layers: 1,
  },
  {
    registry: "registry.access.redhat.com", repository: "ubi9/ubi", tags: ["latest", "9.5"], distro: "rhel9",
    cmd: ["/bin/bash"], entrypoint: [], env: RH_ENV, labels: rhLabels("ubi9", "9.5", "1736404036"),
    created: "2025-01-09T06:48:03Z", size: 217_051_136, layers: 1,
  },
  {
    // fatherlinux/container-internals-lab: `CMD bash -c 'if [ -f /mnt/on ]; then top; fi'` on a RHEL 7 base
    registry: "quay.io", repository: "fatherlinux/on-off-container", tags: ["latest"], distro: "rhel7",
    cmd: ["/bin/sh", "-c", "bash -c 'if [ -f /mnt/on ]; then top; fi'"], entrypoint: [], env: PLAIN_ENV, labels: {},
    created: "2019-03-26T12:41:09Z", size: 215_601_664, layers: 2,
  },
  {
    registry: "docker.io", repository: "library/fedora", tags: ["latest", "41", "40"], distro: "fedora",
    cmd: ["/bin/bash"], entrypoint: [], env: ["DISTTAG=f41container", "FGC=f41", "FBR=f41"], labels: { license: "MIT", name: "fedora", vendor: "Fedora Project", version: "41" },
    created: "2025-01-12T07:40:18Z", size: 233_648_128, layers: 1,
  },
  {
    registry: "registry.fedoraproject.org", repository: "fedora", tags: ["latest", "41", "40"], distro: "fedora",
    cmd: ["/bin/bash"], entrypoint: [], env: ["DISTTAG=f41container", "FGC=f41", "FBR=f41"], labels: { license: "MIT", name: "fedora", vendor: "Fedora Project", version: "41" },
    created: "2025-01-12T07:40:18Z", size: 233_648_128, layers: 1,
  },
  {
    registry: "docker.io", repository: "library/busybox", tags: ["latest", "1.37", "1.36"], distro: "busybox",
    cmd: ["sh"], entrypoint: [], env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], labels: {},
    created: "2024-09-26T21:31:42Z", size: 4_509_696, layers: 1,
  },
  {
    registry: "docker.io", repository: "library/alpine", tags: ["latest", "3.21", "3.20"], distro: "alpine",
    cmd: ["/bin/sh"], entrypoint: [], env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], labels: {},
    created: "2025-01-08T12:07:30Z", size: 8_196_096, layers: 1,
  },
];

/** Registry hosts that resolve, and their wording for unknown names. */
const REGISTRIES: Record<string, RegistryErrors> = {
  "registry.access.redhat.com": { noRepo: "name unknown: Repo not found", noTag: "manifest unknown: manifest unknown" },
  "registry.redhat.io": { noRepo: "unauthorized: Please login to the Red Hat Registry using your Customer Portal credentials. Further instructions can be found here: https://access.redhat.com/RegistryAuthentication", noTag: "manifest unknown: manifest unknown" },
  "quay.io": { noRepo: "unauthorized: access to the requested resource is not authorized", noTag: "manifest unknown: manifest unknown" },
  "docker.io": { noRepo: "requested access to the resource is denied", noTag: "manifest unknown" },
  "registry.fedoraproject.org": { noRepo: "manifest unknown: manifest unknown", noTag: "manifest unknown: manifest unknown" },
  "registry.centos.org": { noRepo: "manifest unknown: manifest unknown", noTag: "manifest unknown: manifest unknown" },
};

/** The host name a registry is reached at (docker.io's API lives on registry-1.docker.io). */
export function registryEndpoint(registry: string): string {
  return registry === "docker.io" ? "registry-1.docker.io" : registry;
}

/** What asking a registry for a reference gives. */
export type RegistryAnswer =
  | { kind: "found"; image: CatalogueImage; tag: string }
  | { kind: "no-such-host"; host: string }
  | { kind: "no-repo"; message: string }
  | { kind: "no-tag"; message: string };

/** Looks a fully qualified reference up in the catalogue. */
export function queryRegistry(ref: ImageRef): RegistryAnswer {
  const errors = REGISTRIES[ref.registry];
  if (!errors) return { kind: "no-such-host", host: registryEndpoint(ref.registry) };
  const image = CATALOGUE.find((i) => i.registry === ref.registry && i.repository === ref.repository);
  if (!image) return { kind: "no-repo", message: errors.noRepo };
  if (ref.digest) {
    if (ref.digest === manifestDigest(image, image.tags[0]!)) return { kind: "found", image, tag: image.tags[0]! };
    return { kind: "no-tag", message: errors.noTag };
  }
  if (!image.tags.includes(ref.tag)) return { kind: "no-tag", message: errors.noTag };
  return { kind: "found", image, tag: ref.tag };
}

/**
 * What identifies an image's content: its distro and build date ("latest" and the first version tag are the same
 * build), so the same image mirrored on two registries (fedora on docker.io and registry.fedoraproject.org) has one id.
 */
function contentKey(image: CatalogueImage, tag: string): string {
  const same = tag === "latest" || tag === image.tags[1];
  return `${image.distro}@${image.created}:${same ? "latest" : tag}`;
}

/** The layer digests (diff ids) of an image, bottom first. Layers of the same base are shared. */
export function layerDigests(image: CatalogueImage, tag: string): string[] {
  const base = `${image.distro}-base`;
  const out = [digestOf(`layer:${base}:${tag === "latest" || tag === image.tags[1] ? "current" : tag}`)];
  for (let i = 1; i < image.layers; i++) out.push(digestOf(`layer:${contentKey(image, tag)}:${i}`));
  return out;
}

/** The image config blob (OCI image-spec config), as stored; its digest is the image id. */
export function imageConfigText(image: CatalogueImage, tag: string): string {
  return JSON.stringify({
    created: image.created,
    architecture: "amd64",
    os: "linux",
    config: {
      Env: image.env,
      Cmd: image.cmd,
      ...(image.entrypoint.length ? { Entrypoint: image.entrypoint } : {}),
      ...(Object.keys(image.labels).length ? { Labels: image.labels } : {}),
      ...(image.stopSignal ? { StopSignal: image.stopSignal } : {}),
    },
    rootfs: { type: "layers", diff_ids: layerDigests(image, tag) },
    history: [{ created: image.created, created_by: `/bin/sh -c #(nop) ${contentKey(image, tag)}` }],
  });
}

/** The image id: 64 hex, the SHA-256 of the config blob. */
export function imageId(image: CatalogueImage, tag: string): string {
  return sha256Hex(imageConfigText(image, tag));
}

/** The manifest blob (schema 2) and its digest (`RepoDigests`, `Digest:` in docker pull). */
export function manifestText(image: CatalogueImage, tag: string): string {
  const perLayer = Math.floor((image.size * 0.38) / image.layers);
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: "application/vnd.docker.distribution.manifest.v2+json",
    config: { mediaType: "application/vnd.docker.container.image.v1+json", size: imageConfigText(image, tag).length, digest: `sha256:${imageId(image, tag)}` },
    layers: layerDigests(image, tag).map((d, i) => ({
      mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip",
      size: perLayer + i * 4099,
      digest: digestOf(`blob:${d}`),
    })),
  });
}

/** `sha256:…` of the manifest. */
export function manifestDigest(image: CatalogueImage, tag: string): string {
  return digestOf(manifestText(image, tag));
}

/** The compressed blob digests a pull copies ("Copying blob sha256:…"). */
export function blobDigests(image: CatalogueImage, tag: string): string[] {
  return layerDigests(image, tag).map((d) => digestOf(`blob:${d}`));
}
