/**
 * The `docker` client. Its verbs and flags are podman's (engine/containers/podman/), run against docker's own
 * state and its EngineEra: storage in /var/lib/docker/overlay2, containers under the daemon's
 * containerd-shim, docker's table layout and error wording. RHEL 7 ships docker 1.13 as /usr/bin/docker-current
 * behind a wrapper, which is the name its errors carry.
 */
import type { UserCommand } from "../../userland/command.js";
import { runEngineCli, sharedSubcommands } from "../podman/index.js";

/** The docker command. */
export const dockerCommand: UserCommand = {
  name: "docker",
  run: (args, ctx) => runEngineCli("docker", sharedSubcommands, args, ctx),
};

/** RHEL 7's real client binary. */
export const dockerCurrentCommand: UserCommand = {
  name: "docker-current",
  run: (args, ctx) => runEngineCli("docker", sharedSubcommands, args, ctx),
};
