/**
 * `podman inspect` / `docker inspect`: the JSON array of the named containers (or images), or `--format` applied
 * to each (`{{.State.Status}}`, `{{.GraphDriver.Data.MergedDir}}`, `{{.OCIConfigPath}}`, observed). podman 4
 * indents by five spaces, docker and podman 1.x by four.
 */
import type { CommandResult } from "../../userland/command.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { normalizeFormat, renderTemplate } from "../cli/go-template.js";
import { findContainer } from "../container.js";
import { findLocalImage } from "../images/store.js";
import { inspectContainer } from "./inspect-data.js";

/** inspect */
export const inspect = {
  name: "inspect",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [{ name: "format", short: "f", kind: "string" }, { name: "type", short: "t", kind: "string" }, { name: "size", short: "s", kind: "bool" }], true);
    if ("error" in f) return call.usage(f.error);
    if (f.positionals.length === 0) return call.fail(call.era.engine === "podman" ? "no names or ids specified" : "\"inspect\" requires at least 1 argument.");
    const objects: { value: unknown; maps: WeakSet<object> }[] = [];
    let code = 0;
    for (const ref of f.positionals) {
      const c = findContainer(call.state, ref);
      if (c) {
        objects.push(inspectContainer(call.host, call.era, c));
        continue;
      }
      const img = findLocalImage(call.host, call.era, ref);
      if (img) {
        objects.push({ value: { Id: call.era.engine === "podman" ? img.id : `sha256:${img.id}`, Digest: img.digest, RepoTags: img.names, RepoDigests: img.names.map((n) => `${n.replace(/:[^:/]+$/, "")}@${img.digest}`) }, maps: new WeakSet() });
        continue;
      }
      if (call.era.family === "podman4") call.err(`Error: no such object: "${ref}"\n`);
      else if (call.era.family === "podman1") call.err(`Error: error looking up container "${ref}": no such container\n`);
      else call.err(`Error: No such object: ${ref}\n`);
      code = call.era.engine === "podman" ? 125 : 1;
    }
    const format = f.strings.get("format");
    if (format !== undefined) {
      const { format: body } = normalizeFormat(format);
      for (const o of objects) {
        const t = renderTemplate(body, { value: o.value, maps: o.maps, typeName: "*define.InspectContainerData" }, "inspect");
        if ("error" in t) return call.fail(t.error);
        call.out(`${t.text}\n`);
      }
      return call.done(code);
    }
    if (objects.length > 0 || call.era.engine === "docker") {
      const indent = call.era.family === "podman4" ? "     " : "    ";
      call.out(`${JSON.stringify(objects.map((o) => o.value), null, indent)}\n`);
    }
    return call.done(code);
  },
};
