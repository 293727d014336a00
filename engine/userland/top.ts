/**
 * top (procps-ng) in batch mode (`top -b -n 1`): the summary area (uptime, users, load, task states, CPU and
 * memory) and one line per task of the caller's pid namespace, busiest first. Interactive top is not simulated:
 * without -b it prints one batch frame too, which is what a lab transcript captures.
 */
import type { UserCommand, CommandContext, CommandResult } from "./command.js";
import { listTasks, pidIn, commName } from "../kernel/tasks.js";
import { readClock, uptimeSeconds } from "../kernel/clock.js";
import { userName } from "../shell/prompt.js";
import { hhmm } from "./time-format.js";

function top(_args: string[], ctx: CommandContext): CommandResult {
  const host = ctx.host;
  const now = readClock(host.clock, host.edge.timeSource);
  const tasks = listTasks(host, ctx.task.ns.pid);
  const up = uptimeSeconds(host.clock);
  const upText = up >= 86400 ? `${Math.floor(up / 86400)} days, ${hhmmText(up % 86400)}` : hhmmText(up);
  const running = tasks.filter((t) => t.state === "R").length;
  const stopped = tasks.filter((t) => t.state === "T").length;
  const mem = host.profile.memTotalKiB;
  const free = Math.round(mem * 0.41);
  const cache = Math.round(mem * 0.2);
  const used = mem - free - cache;
  const kib = host.profile.name === "rhel7" ? "KiB" : "MiB";
  const m = (k: number): string => (kib === "KiB" ? String(k).padStart(8) : (k / 1024).toFixed(1).padStart(8));
  const lines = [
    `top - ${hhmm(now)}:${String(new Date(now).getUTCSeconds()).padStart(2, "0")} up ${upText},  1 user,  load average: 0.00, 0.01, 0.05`,
    `Tasks: ${String(tasks.length).padStart(3)} total, ${String(running).padStart(3)} running, ${String(tasks.length - running - stopped).padStart(3)} sleeping, ${String(stopped).padStart(3)} stopped,   0 zombie`,
    `%Cpu(s):  0.3 us,  0.3 sy,  0.0 ni, 99.3 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st`,
    `${kib} Mem : ${m(mem)} total, ${m(free)} free, ${m(used)} used, ${m(cache)} buff/cache`,
    `${kib} Swap: ${m(2097148)} total, ${m(2097148)} free, ${m(0)} used. ${m(Math.round(mem * 0.62))} avail Mem `,
    "",
    "  PID USER      PR  NI    VIRT    RES    SHR S  %CPU %MEM     TIME+ COMMAND",
  ];
  const sorted = [...tasks].sort((a, b) => b.cpuPercent - a.cpuPercent || a.pid - b.pid);
  for (const t of sorted) {
    const cpuS = ((now - t.startMs) / 1000) * (t.cpuPercent / 100);
    const time = `${Math.floor(cpuS / 60)}:${(cpuS % 60).toFixed(2).padStart(5, "0")}`;
    lines.push(
      `${String(pidIn(host, t, ctx.task.ns.pid)).padStart(5)} ${userName(host, t.cred.uid).padEnd(8).slice(0, 8)}  20   0 ${String(t.vszKiB).padStart(7)} ${String(t.rssKiB).padStart(6)} ${String(Math.round(t.rssKiB * 0.6)).padStart(6)} ${t.state} ${t.cpuPercent.toFixed(1).padStart(5)} ${((t.rssKiB / mem) * 100).toFixed(1).padStart(4)} ${time.padStart(9)} ${commName(t)}`,
    );
  }
  return { stdout: lines.join("\n") + "\n\n", exitCode: 0 };
}

function hhmmText(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${String(h).padStart(2)}:${String(m).padStart(2, "0")}` : `${m} min`;
}

export const topCommand: UserCommand = { name: "top", run: top };
