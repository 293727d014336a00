/**
 * `podman stats` / `docker stats` (podman-stats(1)): what each running container uses, read from its cgroup —
 * memory.current (v1: memory.usage_in_bytes) against the memory limit (the machine's memory when there is none),
 * pids.current, CPU usage. `--no-stream` prints one table and returns (without it the real command redraws the
 * table every second until Ctrl-C; here it prints once); `-a` includes stopped containers; names or ids narrow
 * the list; `--format` a Go template over the row.
 *
 * Columns and units per engine: podman 4 `ID NAME CPU % MEM USAGE / LIMIT MEM % NET IO BLOCK IO PIDS CPU TIME AVG
 * CPU %` with decimal sizes of four significant digits and no space (go-units HumanSize: `229.4kB / 67.11MB`),
 * podman 1.x without the last two columns; docker `CONTAINER ID NAME CPU % MEM USAGE / LIMIT MEM % NET I/O BLOCK
 * I/O PIDS` with binary sizes (`1.5MiB / 64MiB`), docker 1.13 `CONTAINER CPU % …`. Network and block I/O are
 * 0B here: the simulated containers move no data.
 */
import type { CommandResult } from "../../userland/command.js";
import { readClock } from "../../kernel/clock.js";
import { memoryCurrent, memoryMaxOf } from "../../kernel/oom.js";
import { pidsCurrent } from "../../kernel/pids.js";
import { parseFlags } from "../cli/flags.js";
import type { EngineCall } from "../cli/engine-call.js";
import { formatTable } from "../cli/table.js";
import { normalizeFormat, renderTemplate, tableHeaders } from "../cli/go-template.js";
import { findContainer, listContainers, type Container } from "../container.js";

/** The fields of a row (`--format '{{.Name}} {{.MemUsage}}'`). */
interface StatsRow {
  ID: string;
  Name: string;
  CPUPerc: string;
  MemUsage: string;
  MemPerc: string;
  NetIO: string;
  BlockIO: string;
  PIDs: string;
  CPU: string;
  AVGCPU: string;
}

/** go-units HumanSize: four significant digits, decimal units, no space ("229.4kB", "4.135GB"). */
function decimal(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return `${Number(v.toPrecision(4))}${units[i]}`;
}

/** go-units BytesSize: binary units with up to three decimals ("1.484MiB", "64MiB"). */
function binary(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${Number(v.toPrecision(4))}${units[i]}`;
}

/** Go's time.Duration String() for a span in ms ("23.118ms", "2.5s", "1m3.2s"). */
function goDuration(ms: number): string {
  if (ms < 1) return `${Math.round(ms * 1000)}µs`;
  if (ms < 1000) return `${Number(ms.toFixed(3))}ms`;
  const s = ms / 1000;
  if (s < 60) return `${Number(s.toFixed(3))}s`;
  const m = Math.floor(s / 60);
  return `${m}m${Number((s - m * 60).toFixed(3))}s`;
}

function statsRow(call: EngineCall, c: Container, now: number): StatsRow {
  const host = call.host;
  const group = call.era.cgroupOf(c.id);
  const running = c.status === "running";
  const usage = running ? memoryCurrent(host, group) : 0;
  const max = memoryMaxOf(host, group);
  const limit = max === Infinity ? host.profile.memTotalKiB * 1024 : max;
  const tasks = running ? Object.values(host.tasks.byPid).filter((t) => t.containerId === c.id && t.pid !== c.monitorPid) : [];
  const cpuPct = tasks.reduce((n, t) => n + t.cpuPercent, 0);
  const upMs = running ? Math.max(1, now - (c.startedMs ?? now)) : 1;
  // a process that starts and then waits spends a few milliseconds on the CPU; a busy one its share of the time
  const cpuMs = tasks.reduce((n, t) => n + 11.5 + (t.cpuPercent / 100) * (now - t.startMs), 0);
  const size = call.era.engine === "podman" ? decimal : binary;
  const zero = "0B";
  return {
    ID: c.id.slice(0, 12),
    Name: c.name,
    CPUPerc: `${cpuPct.toFixed(2)}%`,
    MemUsage: `${size(usage)} / ${size(limit)}`,
    MemPerc: `${((usage / limit) * 100).toFixed(2)}%`,
    NetIO: `${zero} / ${zero}`,
    BlockIO: `${zero} / ${zero}`,
    PIDs: String(running ? pidsCurrent(host, group) : 0),
    CPU: goDuration(cpuMs),
    AVGCPU: `${((cpuMs / upMs) * 100).toFixed(2)}%`,
  };
}

/** stats */
export const stats = {
  name: "stats",
  run(call: EngineCall, args: string[]): CommandResult {
    const f = parseFlags(args, [
      { name: "no-stream", kind: "bool" },
      { name: "all", short: "a", kind: "bool" },
      { name: "no-reset", kind: "bool" },
      { name: "no-trunc", kind: "bool" },
      { name: "format", kind: "string" },
    ], false);
    if ("error" in f) return call.usage(f.error);
    const now = readClock(call.host.clock, call.host.edge.timeSource);
    let list: Container[];
    if (f.positionals.length > 0) {
      list = [];
      for (const ref of f.positionals) {
        const c = findContainer(call.state, ref);
        if (!c) {
          if (call.era.engine === "podman") return call.fail(`unable to get list of containers: unable to look up container ${ref}: no container with name or ID "${ref}" found: no such container`);
          return call.fail(`Error response from daemon: No such container: ${ref}`, 1);
        }
        if (c.status !== "running" && call.era.engine === "podman") return call.fail(`container ${c.id} is not running`);
        list.push(c);
      }
    } else {
      list = listContainers(call.state).filter((c) => f.bools.has("all") || c.status === "running");
    }
    const rows = list.map((c) => statsRow(call, c, now));
    const format = f.strings.get("format");
    if (format !== undefined) {
      const { format: body, table } = normalizeFormat(format);
      const lines: string[][] = table ? [tableHeaders(format)] : [];
      for (const r of rows) {
        const t = renderTemplate(body, { value: r, typeName: "entities.ContainerStats" }, "stats");
        if ("error" in t) return call.fail(t.error);
        if (table) lines.push(t.text.split("\t"));
        else call.out(`${t.text}\n`);
      }
      if (table) call.out(formatTable(lines, call.era.table));
      return call.done(0);
    }
    const era = call.era;
    let header: string[];
    let cells: (r: StatsRow) => string[];
    if (era.family === "podman4") {
      header = ["ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET IO", "BLOCK IO", "PIDS", "CPU TIME", "AVG CPU %"];
      cells = (r) => [r.ID, r.Name, r.CPUPerc, r.MemUsage, r.MemPerc, r.NetIO, r.BlockIO, r.PIDs, r.CPU, r.AVGCPU];
    } else if (era.family === "podman1") {
      header = ["ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET IO", "BLOCK IO", "PIDS"];
      cells = (r) => [r.ID, r.Name, r.CPUPerc, r.MemUsage, r.MemPerc, r.NetIO, r.BlockIO, r.PIDs];
    } else if (era.family === "docker1") {
      header = ["CONTAINER", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"];
      cells = (r) => [r.ID, r.CPUPerc, r.MemUsage, r.MemPerc, r.NetIO, r.BlockIO, r.PIDs];
    } else {
      header = ["CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"];
      cells = (r) => [r.ID, r.Name, r.CPUPerc, r.MemUsage, r.MemPerc, r.NetIO, r.BlockIO, r.PIDs];
    }
    call.out(formatTable([header, ...rows.map(cells)], era.table));
    return call.done(0);
  },
};
