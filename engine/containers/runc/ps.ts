/**
 * `runc ps <id> [ps options]` (runc ps.go): the container's processes as the host's `ps` shows them — runc runs
 * `ps` (default `-ef`) and keeps the header and the lines whose PID is in the container's cgroup. `-f json` prints
 * the host pids as a JSON array.
 */
import type { CommandResult } from "../../userland/command.js";
import { listTasks } from "../../kernel/tasks.js";
import { argsError, leadingFlags, runcError, type RuncCall } from "./call.js";
import { findRuncContainer } from "./record.js";

/** ps */
export const ps = {
  name: "ps",
  async run(call: RuncCall, args: string[]): Promise<CommandResult> {
    const parsed = leadingFlags(args, new Set(["format", "f"]));
    if ("error" in parsed) return runcError(parsed.error);
    if (parsed.rest.length < 1) return argsError("ps", "[command options] <container-id> [ps options]", 1, "minimum");
    const [id, ...psArgs] = parsed.rest;
    const c = findRuncContainer(call.host, id!);
    if (!c) return runcError("container does not exist");
    const pids = new Set(listTasks(call.host).filter((t) => t.containerId === `runc:${c.id}`).map((t) => t.pid));
    const format = parsed.flags.get("format") ?? parsed.flags.get("f") ?? "table";
    if (format === "json") return { stdout: JSON.stringify([...pids].sort((a, b) => a - b)) + "\n", exitCode: 0 };
    if (format !== "table") return runcError(`invalid format option`);
    const out = await call.ctx.exec(`ps ${(psArgs.length ? psArgs : ["-ef"]).map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ")}`);
    if (out.exitCode !== 0) return runcError(`exit status ${out.exitCode}: ${(out.stderr ?? "").trim()}`);
    const lines = (out.stdout ?? "").split("\n").filter((l) => l !== "");
    const header = lines[0] ?? "";
    const pidCol = header.trim().split(/\s+/).indexOf("PID");
    if (pidCol < 0) return runcError("couldn't find PID field in ps output");
    const kept = lines.slice(1).filter((l) => pids.has(Number(l.trim().split(/\s+/)[pidCol])));
    return { stdout: [header, ...kept].map((l) => l + "\n").join(""), exitCode: 0 };
  },
};
