/**
 * `podman top` / `docker top`: the processes of a running container. podman (psgo) shows them as the container
 * sees them — pids of its own pid namespace, init as 1 with parent 0, the container's tty — in its table layout
 * (observed: `root  1  0  0.000  1.318943752s  pts/0  0s  bash -c …`, each COMMAND followed by a blank); docker runs
 * `ps -ef` on the host for the container's pids.
 */
import type { CommandResult } from "../../userland/command.js";
import { readClock } from "../../kernel/clock.js";
import { listTasks, type Task } from "../../kernel/tasks.js";
import { formatTable } from "../cli/table.js";
import type { EngineCall } from "../cli/engine-call.js";

/** Go's time.Duration String for a span in ms ("1.5s", "2m3s", "1h0m0s"). */
function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const sec = (ms % 60_000) / 1000;
  const s = `${Number.isInteger(sec) ? sec : sec.toFixed(3).replace(/0+$/, "")}s`;
  if (h > 0) return `${h}h${m}m${s}`;
  if (m > 0) return `${m}m${s}`;
  return s;
}

/** top */
export const top = {
  name: "top",
  run(call: EngineCall, args: string[]): CommandResult {
    const ref = args.find((a) => !a.startsWith("-"));
    if (!ref) return call.fail(call.era.engine === "podman" ? "you must provide the name or id of a running container" : "\"top\" requires at least 1 argument.");
    const c = call.container(ref);
    if (!c) return call.done(call.notFoundCode);
    if (c.status !== "running" || c.pid === undefined) {
      return call.fail(call.era.engine === "podman" ? "top can only be used on running containers: container state improper" : `Container ${c.id} is not running`);
    }
    const now = readClock(call.host.clock, call.host.edge.timeSource);
    const tasks: Task[] = listTasks(call.host).filter((t) => t.containerId === c.id);
    if (call.era.engine === "docker") {
      const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
      const rows = [["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"],
        ...tasks.map((t) => ["root", String(t.pid), String(t.ppid), String(Math.round(t.cpuPercent)), hhmm(t.startMs), t.tty, "00:00:00", t.argv.join(" ")])];
      call.out(formatTable(rows, call.era.table));
      return call.done(0);
    }
    const byPid = new Map(tasks.map((t) => [t.pid, t]));
    const rows = [["USER", "PID", "PPID", "%CPU", "ELAPSED", "TTY", "TIME", "COMMAND"],
      ...tasks.map((t) => [
        "root", String(t.vpid ?? t.pid), String(byPid.get(t.ppid)?.vpid ?? 0), t.cpuPercent.toFixed(3), goDuration(now - t.startMs),
        t.tty, "0s", `${t.argv.join(" ")} `,
      ])];
    call.out(formatTable(rows, call.era.table));
    return call.done(0);
  },
};
