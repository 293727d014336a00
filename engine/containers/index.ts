/**
 * The container engines of the built-in host: podman and docker with their images, storage, OCI runtime and
 * CLIs. `installContainers` is what boot does for them: it lays out their storage roots, puts the lab's images
 * into local storage (the lab host pulled them before the lab), installs the `podman` and `docker` commands, and
 * subscribes to task exits so a container whose init ends becomes Exited.
 */
import type { Host } from "../host.js";
import { installCommand, onTaskExit } from "../host.js";
import { engineEra } from "./engines.js";
import { engineState } from "./container.js";
import { onInitExit } from "./lifecycle.js";
import { preloadImages } from "./images/store.js";
import { initStorage } from "./storage.js";
import { podmanCommand } from "./podman/index.js";
import { dockerCommand, dockerCurrentCommand } from "./docker/index.js";
import { runcCommand } from "./runc/index.js";

/** Installs podman and docker on a freshly booted host. */
export function installContainers(host: Host): void {
  for (const engine of ["podman", "docker"] as const) {
    const era = engineEra(host, engine);
    const fresh = host.engines[engine] === undefined;
    engineState(host, engine);
    if (fresh) {
      initStorage(host, era);
      preloadImages(host, era);
    }
  }
  installCommand(host, podmanCommand);
  installCommand(host, dockerCommand);
  if (host.profile.cgroupVersion === 1) installCommand(host, dockerCurrentCommand);
  installCommand(host, runcCommand);
  if (!host.hooks.taskExit.includes(onInitExit)) onTaskExit(host, onInitExit);
}
