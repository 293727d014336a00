/**
 * `podman rmi` / `docker rmi`: remove images from local storage. A name removes that tag (the image goes with its
 * last tag); an image a container still uses is refused unless `-f`. podman prints `Untagged: <name>` and
 * `Deleted: <id>`, docker `Untagged: …` and `Deleted: sha256:<id>`.
 */
import type { CommandResult } from "../../userland/command.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { findLocalImage, familiarName } from "../images/store.js";
import { parseImageRef } from "../images/reference.js";
import { removeImageStorage } from "../storage.js";
import { removeContainer, killContainer, SIGNALS } from "../lifecycle.js";

/** rmi */
export const rmi = {
  name: "rmi",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [{ name: "force", short: "f", kind: "bool" }, { name: "all", short: "a", kind: "bool" }], true);
    if ("error" in f) return call.usage(f.error);
    const refs = f.bools.has("all") ? Object.values(call.state.images).map((i) => i.id) : f.positionals;
    let code = 0;
    for (const ref of refs) {
      const image = findLocalImage(call.host, call.era, ref);
      if (!image) {
        if (call.era.engine === "podman") call.err(`Error: ${ref}: image not known\n`);
        else call.err(`Error: No such image: ${ref}\n`);
        code = call.era.engine === "podman" ? 1 : 1;
        continue;
      }
      const users = Object.values(call.state.containers).filter((c) => c.imageId === image.id);
      if (users.length > 0 && !f.bools.has("force")) {
        const user = users[0]!;
        if (call.era.engine === "podman") {
          call.err(`Error: image used by ${user.id}: image is in use by a container\n`);
          code = 2;
        } else {
          call.err(`Error response from daemon: conflict: unable to remove repository reference "${ref}" (must force) - container ${user.id.slice(0, 12)} is using its referenced image ${image.id.slice(0, 12)}\n`);
          code = 1;
        }
        continue;
      }
      for (const c of users) {
        if (c.status === "running") killContainer(call.host, c, SIGNALS.KILL!);
        removeContainer(call.host, call.era, c);
      }
      // a tag names one image; an id names all its tags
      const byId = image.id.startsWith(ref);
      const parsed = parseImageRef(ref);
      const untag = byId ? [...image.names] : image.names.filter((n) => {
        const have = parseImageRef(n)!;
        return parsed !== undefined && have.tag === parsed.tag && (n.startsWith(`${ref}`) || have.repository === parsed.repository || have.repository.endsWith(`/${parsed.repository}`));
      });
      const names = untag.length > 0 ? untag : [image.names[0]!];
      for (const n of names) {
        const shown = call.era.family === "dockerce" ? `${familiarName(parseImageRef(n)!)}:${parseImageRef(n)!.tag}` : n;
        call.out(`Untagged: ${shown}\n`);
      }
      image.names = image.names.filter((n) => !names.includes(n));
      if (image.names.length === 0) {
        delete call.state.images[image.id];
        removeImageStorage(call.host, call.era, image, Object.values(call.state.images));
        call.out(call.era.engine === "podman" ? `Deleted: ${image.id}\n` : `Deleted: sha256:${image.id}\n`);
      }
    }
    return call.done(code);
  },
};
