/**
 * `podman mount` (podman-mount(1)): mounts a container's root filesystem on the host and prints the path —
 * `/var/lib/containers/storage/overlay/<layer-id>/merged`, where its files can be read and changed from the host
 * (observed). Without arguments it lists mounted containers as `<12-hex id>  <path>`. Each mount is counted; the
 * rootfs stays mounted until as many `umount`s (or the container stops with no mount left).
 */
import type { CommandResult } from "../../userland/command.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { listContainers } from "../container.js";
import { isRootfsMounted, layerPaths, mountRootfs } from "../storage.js";
import { selinuxEnabled } from "../lifecycle.js";

/** mount */
export const mount = {
  name: "mount",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [{ name: "all", short: "a", kind: "bool" }, { name: "no-trunc", kind: "bool" }, { name: "format", kind: "string" }], true);
    if ("error" in f) return call.usage(f.error);
    if (f.positionals.length === 0 && !f.bools.has("all")) {
      for (const c of listContainers(call.state).reverse()) {
        if (isRootfsMounted(call.host, call.era, c)) call.out(`${f.bools.has("no-trunc") ? c.id : c.id.slice(0, 12)}  ${layerPaths(call.era, c.layerId).merged}\n`);
      }
      return call.done(0);
    }
    const targets = call.targets(f.bools.has("all"), f.positionals);
    let code = 0;
    for (const { c } of targets) {
      if (!c) {
        code = 125;
        continue;
      }
      const image = call.state.images[c.imageId]!;
      const path = mountRootfs(call.host, call.era, c, image, selinuxEnabled(call.host));
      c.mountCount++;
      call.out(f.bools.has("all") ? `${c.id} ${path}\n` : `${path}\n`);
    }
    return call.done(code);
  },
};
