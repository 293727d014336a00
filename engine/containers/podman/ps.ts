/**
 * `podman ps` / `docker ps` (podman-ps(1)): the container table. Running containers only unless `-a`; `-l` the
 * latest created; `-q` ids only; `--no-trunc` full ids and commands; `--format` a Go template over each row
 * (`{{.ID}}`, `{{.Names}}`, `{{.Status}}` …, `table …` for a header).
 *
 * Layout per engine (observed podman 4.3.1 transcripts; docker's and podman 1.x's tabwriter settings in
 * EngineEra): COMMAND cut to 17 characters plus "..." beyond 20; CREATED "Less than a second ago", "5 seconds ago";
 * STATUS "Created", "Up 2 seconds ago" (podman; docker "Up 2 seconds"), "Exited (0) 3 seconds ago".
 */
import type { CommandResult } from "../../userland/command.js";
import { readClock } from "../../kernel/clock.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { humanDuration } from "../cli/human.js";
import { formatTable } from "../cli/table.js";
import { normalizeFormat, renderTemplate, tableHeaders } from "../cli/go-template.js";
import { listContainers, type Container } from "../container.js";
import type { EngineEra } from "../engines.js";

/** The fields a row offers to `--format`. */
export interface PsRow {
  ID: string;
  Image: string;
  Command: string;
  CreatedHuman: string;
  CreatedAt: string;
  RunningFor: string;
  Status: string;
  Ports: string;
  Names: string;
  State: string;
  Pid: number;
}

/** STATUS text of a container at `now`. */
export function statusText(era: EngineEra, c: Container, now: number): string {
  if (c.status === "created") return "Created";
  if (c.status === "running") return `Up ${humanDuration(now - (c.startedMs ?? now))}${era.upSuffix}`;
  return `Exited (${c.exitCode}) ${humanDuration(now - (c.finishedMs ?? now))} ago`;
}

function commandText(era: EngineEra, c: Container, noTrunc: boolean): string {
  let cmd = c.command.join(" ");
  // podman: psReporter.Command cuts past 17 characters; docker: stringutils.Ellipsis(command, 20)
  const limit = era.engine === "podman" ? 17 : 20;
  // docker-ce's Ellipsis keeps the display width: 19 characters and "…"
  if (!noTrunc && cmd.length > limit) cmd = era.family === "dockerce" ? `${cmd.slice(0, 19)}…` : `${cmd.slice(0, 17)}...`;
  return era.quoteCommand ? JSON.stringify(cmd) : cmd;
}

/** One row of the table. */
export function psRow(era: EngineEra, c: Container, now: number, noTrunc: boolean): PsRow {
  const created = `${humanDuration(now - c.createdMs)} ago`;
  return {
    ID: noTrunc ? c.id : c.id.slice(0, 12),
    Image: era.imageColumn === "qualified" ? c.image : c.imageGiven,
    Command: commandText(era, c, noTrunc),
    CreatedHuman: created,
    CreatedAt: new Date(c.createdMs).toISOString().replace("T", " ").replace(/\.\d+Z$/, " +0000 UTC"),
    RunningFor: created,
    Status: statusText(era, c, now),
    Ports: "",
    Names: c.name,
    State: c.status,
    Pid: c.pid ?? 0,
  };
}

const HEADERS = ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"];

/** ps */
export const ps = {
  name: "ps",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [
      { name: "all", short: "a", kind: "bool" }, { name: "latest", short: "l", kind: "bool" },
      { name: "quiet", short: "q", kind: "bool" }, { name: "no-trunc", kind: "bool" },
      { name: "format", kind: "string" }, { name: "size", short: "s", kind: "bool" }, { name: "filter", short: "f", kind: "list" },
    ], true);
    if ("error" in f) return call.usage(f.error);
    const now = readClock(call.host.clock, call.host.edge.timeSource);
    // podman lists oldest first (observed), docker newest first
    let list = listContainers(call.state);
    if (call.era.engine === "podman" && call.era.family === "podman4") list = list.reverse();
    if (f.bools.has("latest")) {
      const latest = [...list].sort((a, b) => b.createdMs - a.createdMs || call.state.order.indexOf(b.id) - call.state.order.indexOf(a.id))[0];
      list = latest ? [latest] : [];
    } else if (!f.bools.has("all") && !(f.lists.get("filter") ?? []).some((x) => x.startsWith("status="))) {
      // a status filter looks at every container, as podman's does
      list = list.filter((c) => c.status === "running");
    }
    for (const filter of f.lists.get("filter") ?? []) {
      const eq = filter.indexOf("=");
      const key = filter.slice(0, eq);
      const value = filter.slice(eq + 1);
      const test: Record<string, (c: (typeof list)[number]) => boolean> = {
        name: (c) => c.name.includes(value),
        id: (c) => c.id.startsWith(value),
        status: (c) => c.status === value,
        ancestor: (c) => c.image === value || c.imageGiven === value || c.image.startsWith(`${value}:`) || c.imageId.startsWith(value),
      };
      if (eq < 0 || !test[key]) return call.fail(call.era.engine === "podman" ? `invalid filter "${filter}"` : `Invalid filter '${key}'`);
      list = list.filter(test[key]!);
    }
    const noTrunc = f.bools.has("no-trunc");
    const rows = list.map((c) => psRow(call.era, c, now, noTrunc));
    if (f.bools.has("quiet")) {
      for (const r of rows) call.out(`${r.ID}\n`);
      return call.done(0);
    }
    const format = f.strings.get("format");
    if (format !== undefined) {
      const { format: body, table } = normalizeFormat(format);
      const lines: string[][] = table ? [tableHeaders(format)] : [];
      for (const r of rows) {
        const t = renderTemplate(body, { value: r, typeName: "entities.ListContainer" }, "ps");
        if ("error" in t) return call.fail(t.error);
        if (table) lines.push(t.text.split("\t"));
        else call.out(`${t.text}\n`);
      }
      if (table) call.out(formatTable(lines, call.era.table));
      return call.done(0);
    }
    const table = [HEADERS, ...rows.map((r) => [r.ID, r.Image, r.Command, r.CreatedHuman, r.Status, r.Ports, r.Names])];
    call.out(formatTable(table, call.era.table));
    return call.done(0);
  },
};
