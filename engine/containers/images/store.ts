/**
 * The engine's local image store and `pull`: what `podman images` lists, how `run` finds an image by the name a
 * student typed, and what a pull prints while it copies an image from a registry of the catalogue.
 *
 * podman writes pull progress to stderr ("Trying to pull …", "Getting image source signatures", "Copying blob
 * sha256:…", "Copying config …", "Writing manifest to image destination", "Storing signatures") and the image id
 * to stdout; docker prints "Trying to pull repository … / latest: Pulling from … / <layer>: Pull complete /
 * Digest: … / Status: Downloaded newer image for …". Failures print the registry's error in each engine's wrapping
 * (podman 4: `Error: initializing source docker://…: pinging container registry …`; podman 1.x: `Error: error
 * pulling image …: unable to pull …`; docker: `Error response from daemon: …`), and exit 125 (docker pull: 1).
 */
import type { Host } from "../../host.js";
import { readClock } from "../../kernel/clock.js";
import type { EngineEra } from "../engines.js";
import { engineState, type LocalImage } from "../container.js";
import { randomLinkName, storeImage } from "../storage.js";
import { randHex } from "../../kernel/rng.js";
import {
  blobDigests, imageId, manifestDigest, manifestText, queryRegistry, registryEndpoint, type CatalogueImage,
} from "./catalogue.js";
import { formatImageRef, normalizeDocker, parseImageRef, repoName, resolvePodmanRef, type ImageRef } from "./reference.js";

/** Output of an image operation, in the order it was written. */
export interface Emitted {
  /** [stream, text] in write order */
  out: ["stdout" | "stderr", string][];
}

/** The nameserver in the host's resolv.conf, which Go's resolver names in docker's lookup errors. */
const NAMESERVER = "10.0.2.3:53";

/** docker's "familiar" name: docker.io and library/ dropped (docker.io/library/busybox → busybox). */
export function familiarName(ref: ImageRef): string {
  if (ref.registry !== "docker.io") return repoName(ref);
  return ref.repository.startsWith("library/") ? ref.repository.slice("library/".length) : ref.repository;
}

/** Finds a local image by id prefix or by name (short names match any registry, as podman and docker do). */
export function findLocalImage(host: Host, era: EngineEra, text: string): LocalImage | undefined {
  const images = Object.values(engineState(host, era.engine).images);
  if (/^[0-9a-f]{6,64}$/.test(text)) {
    const byId = images.filter((i) => i.id.startsWith(text));
    if (byId.length === 1) return byId[0];
  }
  const ref = parseImageRef(text);
  if (!ref) return undefined;
  const wanted = era.engine === "docker" ? [normalizeDocker(ref)] : ref.registry ? [ref.registry === "docker.io" ? normalizeDocker({ ...ref, registry: "" }) : ref] : [];
  for (const img of images) {
    for (const name of img.names) {
      const have = parseImageRef(name)!;
      if (wanted.some((w) => w.registry === have.registry && w.repository === have.repository && w.tag === have.tag)) return img;
      if (!ref.registry && era.engine === "podman" && have.tag === ref.tag &&
        (have.repository === ref.repository || have.repository.endsWith(`/${ref.repository}`) || have.repository === `library/${ref.repository}`)) return img;
    }
  }
  return undefined;
}

/** Adds a catalogue image to local storage (pull or preload); returns the stored record. */
export function storeCatalogueImage(host: Host, era: EngineEra, image: CatalogueImage, tag: string, ref: ImageRef): LocalImage {
  const state = engineState(host, era.engine);
  const id = imageId(image, tag);
  const name = formatImageRef({ ...ref, tag, digest: undefined });
  const existing = state.images[id];
  if (existing) {
    if (!existing.names.includes(name)) existing.names.push(name);
    return existing;
  }
  const local: LocalImage = {
    id, names: [name], repo: `${image.registry}/${image.repository}`, tag,
    pulledMs: readClock(host.clock, host.edge.timeSource),
    layerId: randHex(host.rng, 64), layerLink: randomLinkName(host), digest: manifestDigest(image, tag),
  };
  state.images[id] = local;
  storeImage(host, era, local, image.distro, Date.parse(image.created), manifestText(image, tag), Object.values(state.images));
  return local;
}

/** The catalogue entry of a local image. */
export function catalogueEntry(image: LocalImage): CatalogueImage {
  const ref = parseImageRef(`${image.repo}:${image.tag}`)!;
  const a = queryRegistry(ref);
  if (a.kind !== "found") throw new Error(`catalogueEntry: local image ${image.repo} is not in the catalogue`);
  return a.image;
}

/** Outcome of a pull. */
export type PullResult = Emitted & { image?: LocalImage; exitCode: number };

/** Pulls `text` as `podman pull` / the implicit pull of `podman run` would. `command` names the verb for errors. */
export function pullImage(host: Host, era: EngineEra, text: string, command: "pull" | "run" | "create"): PullResult {
  const out: PullResult["out"] = [];
  const err = (s: string) => out.push(["stderr", s]);
  const ref = parseImageRef(text);
  if (!ref) {
    if (era.engine === "podman") err(`Error: invalid reference format\n`);
    else err(`${dockerArgv0(era)}: invalid reference format.\nSee '${dockerArgv0(era)} ${command} --help'.\n`);
    return { out, exitCode: 125 };
  }
  return era.engine === "podman" ? pullPodman(host, era, text, ref, out) : pullDocker(host, era, text, ref, command, out);
}

function pullPodman(host: Host, era: EngineEra, text: string, ref: ImageRef, out: PullResult["out"]): PullResult {
  const err = (s: string) => out.push(["stderr", s]);
  const res = resolvePodmanRef(ref, era.shortNames);
  if (res.kind === "refused") {
    err(`Error: ${res.error}\n`);
    return { out, exitCode: 125 };
  }
  if (res.kind === "alias") err(`Resolved "${res.alias}" as an alias (${res.aliasFile})\n`);
  const errors: string[] = [];
  for (const cand of res.candidates) {
    const shown = era.family === "podman4" ? formatImageRef(cand) : text.includes(":") ? formatImageRef(cand) : repoName(cand);
    const answer = queryRegistry(cand);
    const full = formatImageRef(cand);
    if (answer.kind === "found") {
      err(`Trying to pull ${shown}...\n`);
      err("Getting image source signatures\n");
      for (const b of blobDigests(answer.image, answer.tag)) err(`Copying blob ${b}\n`);
      const image = storeCatalogueImage(host, era, answer.image, answer.tag, cand);
      err(`Copying config sha256:${image.id}\n`);
      err("Writing manifest to image destination\n");
      err("Storing signatures\n");
      return { out, exitCode: 0, image };
    }
    const familiar = cand.registry === "docker.io" ? familiarName(cand) : repoName(cand);
    const source = `docker://${era.family === "podman4" ? full : formatImageRef({ ...cand, registry: cand.registry === "docker.io" ? "" : cand.registry, repository: cand.registry === "docker.io" ? familiar : cand.repository })}`;
    let cause: string;
    if (answer.kind === "no-such-host") {
      cause = era.family === "podman4"
        ? `pinging container registry ${answer.host}: Get "https://${answer.host}/v2/": dial tcp: lookup ${answer.host}: no such host`
        : `pinging docker registry returned: Get https://${answer.host}/v2/: dial tcp: lookup ${answer.host}: no such host`;
    } else {
      cause = `${era.family === "podman4" ? "reading" : "Error reading"} manifest ${cand.tag} in ${repoName(cand)}: ${answer.message}`;
    }
    const initErr = `${era.family === "podman4" ? "initializing" : "Error initializing"} source ${source}: ${cause}`;
    if (era.family === "podman4") {
      err(`Trying to pull ${shown}...\n`);
      errors.push(initErr);
    } else {
      err(`Trying to pull ${shown}...ERRO[0000] Error pulling image ref //${source.slice("docker://".length)}: ${initErr} \nFailed\n`);
      errors.push(initErr);
    }
  }
  if (era.family === "podman4") {
    if (errors.length === 1) err(`Error: ${errors[0]}\n`);
    else err(`Error: ${errors.length} errors occurred while pulling:\n${errors.map((e) => ` * ${e}\n`).join("")}`);
  } else if (errors.length === 1) {
    err(`Error: error pulling image "${text}": unable to pull ${text}: unable to pull image: ${errors[0]}\n`);
  } else {
    err(`Error: error pulling image "${text}": unable to pull ${text}: ${errors.length} errors occurred:\n\n${errors.map((e) => `* ${e}\n`).join("")}\n`);
  }
  return { out, exitCode: 125 };
}

/** How docker names itself in errors: RHEL's wrapper execs /usr/bin/docker-current. */
export function dockerArgv0(era: EngineEra): string {
  return era.family === "docker1" ? "/usr/bin/docker-current" : "docker";
}

function pullDocker(host: Host, era: EngineEra, text: string, ref: ImageRef, command: string, out: PullResult["out"]): PullResult {
  const stream: "stdout" | "stderr" = command === "pull" ? "stdout" : "stderr";
  const say = (s: string) => out.push([stream, s]);
  const err = (s: string) => out.push(["stderr", s]);
  const full = normalizeDocker(ref);
  const familiar = familiarName(full);
  const rhel = era.family === "docker1";
  if (command === "pull" && !text.includes(":")) say("Using default tag: latest\n");
  if (command !== "pull") err(`Unable to find image '${text.includes(":") ? text : `${text}:latest`}' locally\n`);
  if (rhel) say(`Trying to pull repository ${repoName(full)} ... \n`);
  const answer = queryRegistry(full);
  const fail = (msg: string): PullResult => {
    if (command === "pull") err(`Error response from daemon: ${msg}\n`);
    else err(`${dockerArgv0(era)}: Error response from daemon: ${msg}.\nSee '${dockerArgv0(era)} ${command} --help'.\n`);
    return { out, exitCode: command === "pull" ? 1 : 125 };
  };
  if (answer.kind === "no-such-host") {
    const url = rhel ? `https://${answer.host}/v2/` : `"https://${answer.host}/v2/"`;
    return fail(`Get ${url}: dial tcp: lookup ${registryEndpoint(full.registry)} on ${NAMESERVER}: no such host`);
  }
  if (answer.kind === "no-repo") {
    return fail(rhel
      ? `repository ${familiar} not found: does not exist or no pull access`
      : `pull access denied for ${familiar}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  }
  if (answer.kind === "no-tag") {
    return fail(rhel ? `manifest for ${familiar}:${full.tag} not found` : `manifest for ${familiar}:${full.tag} not found: manifest unknown: manifest unknown`);
  }
  say(`${full.tag}: Pulling from ${rhel ? repoName(full) : full.registry === "docker.io" ? full.repository : repoName(full)}\n`);
  for (const b of blobDigests(answer.image, answer.tag)) say(`${b.slice(7, 19)}: Pull complete \n`);
  const image = storeCatalogueImage(host, era, answer.image, answer.tag, full);
  say(`Digest: ${image.digest}\n`);
  // RHEL's docker keeps the registry in names but not docker.io's library/ (docker.io/busybox)
  const tagged = rhel ? `${full.registry === "docker.io" ? `docker.io/${familiar}` : repoName(full)}:${full.tag}` : `${familiar}:${full.tag}`;
  say(`Status: Downloaded newer image for ${tagged}\n`);
  if (command === "pull" && !rhel) say(`${full.registry === "docker.io" ? "docker.io/" + full.repository : repoName(full)}:${full.tag}\n`);
  return { out, exitCode: 0, image };
}

/** Puts the era's preloaded images into storage (a lab host that has pulled them before the lab). */
export function preloadImages(host: Host, era: EngineEra): void {
  for (const name of era.preloaded) {
    const ref = parseImageRef(name)!;
    const a = queryRegistry(ref);
    if (a.kind === "found") storeCatalogueImage(host, era, a.image, a.tag, ref);
  }
}
