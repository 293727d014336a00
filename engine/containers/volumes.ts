/**
 * Volumes given with `-v source:destination[:options]` (podman-run(1) "--volume", docker-run(1)) and the SELinux
 * relabel they may ask for. `:Z` gives the host directory the container's private label
 * (`container_file_t:s0:cA,cB`, only this container may use it), `:z` the shared one (`container_file_t:s0`), each
 * applied recursively to everything below (go-selinux `label.Relabel`, a recursive chcon; the top directory last).
 * Only an SELinux host relabels; the relabel happens when the container starts, so the host path shows the pair of
 * the last container started with it.
 */
import type { Host } from "../host.js";
import { kernelFs } from "../fs/fs-view.js";
import { containerFileLabel, sharedContainerFileLabel } from "../kernel/selinux-mcs.js";
import type { Container, VolumeMount } from "./container.js";

/** Parses one `-v` argument; `cwd` resolves nothing (podman requires absolute paths or volume names). */
export function parseVolume(spec: string): VolumeMount | { error: string } {
  const parts = spec.split(":");
  if (parts.length < 2 || parts.length > 3 || parts[0] === "" || parts[1] === "") {
    return { error: `incorrect volume format, should be [host-dir:]ctr-dir[:option]` };
  }
  const [source, destination, opts = ""] = parts as [string, string, string?];
  if (!destination.startsWith("/")) return { error: `invalid container path "${destination}", must be an absolute path` };
  if (!source.startsWith("/")) return { error: `named volumes are not supported here: "${source}"` };
  const v: VolumeMount = { source: normalize(source), destination: normalize(destination), readonly: false, options: [] };
  for (const o of opts.split(",").filter(Boolean)) {
    if (o === "ro") v.readonly = true;
    else if (o === "rw") v.readonly = false;
    else if (o === "z" || o === "Z") v.relabel = o;
    else if (!["rprivate", "private", "rshared", "shared", "rslave", "slave", "rbind", "bind", "nocopy", "U"].includes(o)) {
      return { error: `invalid option type "${o}"` };
    }
  }
  v.options = [v.readonly ? "ro" : "rw", "rprivate", "rbind"];
  return v;
}

function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

/** Applies `:z`/`:Z` of a container's volumes on the host (go-selinux Relabel). */
export function relabelVolumes(host: Host, c: Container): void {
  const fs = kernelFs(host);
  for (const v of c.volumes) {
    if (!v.relabel) continue;
    const label = v.relabel === "Z" && c.mcsLevel ? containerFileLabel(c.mcsLevel) : sharedContainerFileLabel();
    const walk = (path: string, depth: number): void => {
      if (depth > 64) return;
      const st = fs.lstatSync(path);
      if (st.type === "dir") for (const name of fs.readdirSync(path)) walk(path === "/" ? `/${name}` : `${path}/${name}`, depth + 1);
      fs.setLabelSync(path, label, false);
    };
    if (fs.existsSync(v.source)) walk(v.source, 0);
  }
}
