/**
 * `podman create` / `docker create`: a container in state Created — storage laid out, name and MCS pair chosen,
 * nothing running and no config.json yet (that is written at start). podman 1.x shared run's flags, so `-d` was
 * accepted; podman 2 and later reject it as pflag does: `Error: unknown shorthand flag: 'd' in -dt` (observed,
 * podman 4.3.1).
 */
import type { CommandResult } from "../../userland/command.js";
import type { EngineCall } from "../cli/engine-call.js";
import { createContainer, type CreateRequest } from "../lifecycle.js";
import { findLocalImage, pullImage } from "../images/store.js";
import type { Container } from "../container.js";
import { parseCreateOptions, type CreateOptions } from "./create-options.js";
import { checkNsModes, parseNsModes } from "../namespace-modes.js";

/** Finds or pulls the image and creates the container; prints errors and returns undefined on failure. */
export function createFromOptions(call: EngineCall, opts: CreateOptions, args: string[]): Container | undefined {
  let image = findLocalImage(call.host, call.era, opts.image);
  if (!image) {
    const pulled = pullImage(call.host, call.era, opts.image, call.verb === "create" ? "create" : "run");
    for (const [stream, text] of pulled.out) (stream === "stdout" ? call.out(text) : call.err(text));
    if (!pulled.image) return undefined;
    image = pulled.image;
  }
  if (opts.name !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(opts.name)) {
    if (call.era.engine === "podman") call.fail("names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument");
    else call.runFail(`Invalid container name (${opts.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    return undefined;
  }
  if (opts.name !== undefined) {
    const taken = Object.values(call.state.containers).find((c) => c.name === opts.name);
    if (taken) {
      const era = call.era.family;
      if (era === "podman4") call.fail(`creating container storage: the container name "${opts.name}" is already in use by ${taken.id}. You have to remove that container to be able to reuse that name: that name is already in use`);
      else if (era === "podman1") call.fail(`error creating container storage: the container name "${opts.name}" is already in use by "${taken.id}". You have to remove that container to be able to reuse that name.: that name is already in use`);
      else call.runFail(`Conflict. The container name "/${opts.name}" is already in use by container ${taken.id}. You have to remove (or rename) that container to be able to reuse that name.`);
      return undefined;
    }
  }
  const req: CreateRequest = {
    image, imageGiven: opts.image, args: opts.args, tty: opts.tty, interactive: opts.interactive,
    volumes: opts.volumes, env: opts.env, autoRemove: opts.flags.bools.has("rm"), seccomp: opts.seccomp,
    seccompProfile: opts.seccompProfile, labelOpts: opts.labelOpts, resources: opts.resources,
    capAdd: opts.capAdd, capDrop: opts.capDrop, privileged: opts.privileged,
    createCommand: [call.era.engine, call.verb, ...args],
    ...(opts.name !== undefined ? { name: opts.name } : {}),
    ...(opts.entrypoint !== undefined ? { entrypoint: opts.entrypoint } : {}),
  };
  const nsModes = parseNsModes(opts.flags);
  const missing = checkNsModes(call.host, call.era, nsModes);
  if (missing) {
    call.fail(missing);
    return undefined;
  }
  const c = createContainer(call.host, call.era, req);
  if (c && Object.keys(nsModes).length > 0) c.nsModes = nsModes;
  return c;
}

/** create */
export const create = {
  name: "create",
  run(call: EngineCall, args: string[]): CommandResult {
    const opts = parseCreateOptions(call, args, call.era.createAcceptsDetach);
    if ("exitCode" in opts) return opts;
    const c = createFromOptions(call, opts, args);
    if (!c) return call.done(125);
    call.out(`${c.id}\n`);
    return call.done(0);
  },
};
