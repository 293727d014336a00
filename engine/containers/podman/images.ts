/**
 * `podman images` / `docker images`: local images — REPOSITORY, TAG, IMAGE ID (12 hex), CREATED (the image's build
 * date, humanised), SIZE ("215 MB"; docker-ce "215MB"). RHEL's docker keeps the registry in the name
 * (`docker.io/busybox`), upstream docker drops docker.io/library. `-q` prints ids only.
 */
import type { CommandResult } from "../../userland/command.js";
import { readClock } from "../../kernel/clock.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { formatTable } from "../cli/table.js";
import { humanDuration, humanSize } from "../cli/human.js";
import { catalogueEntry, familiarName } from "../images/store.js";
import { parseImageRef, repoName } from "../images/reference.js";

/** images */
export const images = {
  name: "images",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [{ name: "quiet", short: "q", kind: "bool" }, { name: "all", short: "a", kind: "bool" }, { name: "no-trunc", kind: "bool" }, { name: "format", kind: "string" }], true);
    if ("error" in f) return call.usage(f.error);
    const now = readClock(call.host.clock, call.host.edge.timeSource);
    const rows: { repo: string; tag: string; id: string; created: number; size: number }[] = [];
    for (const img of Object.values(call.state.images)) {
      const entry = catalogueEntry(img);
      for (const name of img.names) {
        const ref = parseImageRef(name)!;
        const repo = call.era.family === "dockerce" ? familiarName(ref)
          : call.era.family === "docker1" && ref.registry === "docker.io" ? `docker.io/${familiarName(ref)}` : repoName(ref);
        rows.push({ repo, tag: ref.tag, id: img.id, created: Date.parse(entry.created), size: entry.size });
      }
    }
    rows.sort((a, b) => b.created - a.created || a.repo.localeCompare(b.repo));
    const noTrunc = f.bools.has("no-trunc");
    const id = (x: string) => (noTrunc ? `sha256:${x}` : x.slice(0, 12));
    if (f.bools.has("quiet")) {
      for (const r of rows) call.out(`${id(r.id)}\n`);
      return call.done(0);
    }
    const table = [["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"],
      ...rows.map((r) => [r.repo, r.tag, id(r.id), `${humanDuration(now - r.created)} ago`, humanSize(r.size, call.era.sizeSpace)])];
    call.out(formatTable(table, call.era.table));
    return call.done(0);
  },
};
