/**
 * `podman export` / `docker export` (podman-export(1)): the container's file system — the merged view of its image
 * layers and its own changes — as a tar stream on stdout or into `-o FILE`. The OCI runtime lab uses it to make a
 * bundle's rootfs: `podman export $(podman create ubi9) | tar -C bundle/rootfs -xf -`. Both refuse to write a
 * binary stream to a terminal.
 */
import type { CommandResult } from "../../userland/command.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { tarTree } from "../cli/tar.js";
import { kernelFs } from "../../fs/fs-view.js";
import { isRootfsMounted, mountRootfs, unmountRootfs } from "../storage.js";
import { selinuxEnabled } from "../lifecycle.js";

/** export */
export const exportCmd = {
  name: "export",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [{ name: "output", short: "o", kind: "string" }], true);
    if ("error" in f) return call.usage(f.error);
    if (f.positionals.length !== 1) {
      return call.era.engine === "podman" ? call.fail("exactly one container name or ID must be specified") : call.fail('"docker export" requires exactly 1 argument.', 1);
    }
    const output = f.strings.get("output");
    if (output === undefined && call.ctx.stdoutIsTty === true) {
      return call.fail(call.era.engine === "podman" ? "refusing to export to terminal. Use -o flag or redirect" : "cowardly refusing to save to a terminal. Use the -o flag or redirect", call.era.engine === "podman" ? 125 : 1);
    }
    const c = call.container(f.positionals[0]!);
    if (!c) return call.done(125);
    const image = call.state.images[c.imageId]!;
    const wasMounted = isRootfsMounted(call.host, call.era, c);
    const merged = mountRootfs(call.host, call.era, c, image, selinuxEnabled(call.host));
    const stream = tarTree(kernelFs(call.host), merged);
    if (!wasMounted && c.status !== "running" && c.mountCount === 0) unmountRootfs(call.host, call.era, c);
    if (output !== undefined) {
      const path = output.startsWith("/") ? output : `${call.ctx.cwd}/${output}`;
      try {
        call.ctx.fs.writeFileSync(path, stream);
      } catch {
        return call.fail(`open ${output}: no such file or directory`);
      }
      return call.done(0);
    }
    call.out(stream);
    return call.done(0);
  },
};
