/**
 * `runc list` (runc list.go): the containers in runc's state dir, as a tabwriter table (minwidth 12, padding 3)
 * with the init pid (0 once stopped), status, bundle, creation time in RFC 3339 with nanoseconds, and the owner
 * of the state dir; `-q` prints ids only, `-f json` the state objects.
 */
import type { CommandResult } from "../../userland/command.js";
import { formatTable } from "../cli/table.js";
import { leadingFlags, runcError, type RuncCall } from "./call.js";
import { rfc3339Nano, runcState, runcStatus } from "./record.js";

/** list */
export const list = {
  name: "list",
  aliases: ["ps-all"],
  run(call: RuncCall, args: string[]): CommandResult {
    const parsed = leadingFlags(args, new Set(["format", "f"]));
    if ("error" in parsed) return runcError(parsed.error);
    const format = parsed.flags.get("format") ?? parsed.flags.get("f") ?? "table";
    const quiet = parsed.flags.has("quiet") || parsed.flags.has("q");
    const rows = Object.values(runcState(call.host).containers).sort((a, b) => a.id.localeCompare(b.id)).map((c) => {
      const status = runcStatus(call.host, c);
      return { c, status, pid: status === "stopped" ? 0 : c.pid };
    });
    if (quiet) return { stdout: rows.map((r) => r.c.id + "\n").join(""), exitCode: 0 };
    if (format === "json") {
      const items = rows.map((r) => ({
        ociVersion: r.c.ociVersion, id: r.c.id, pid: r.pid, status: r.status, bundle: r.c.bundle, rootfs: r.c.rootfs,
        created: rfc3339Nano(r.c.createdMs, r.c.createdNs), ...(r.c.annotations ? { annotations: r.c.annotations } : {}), owner: "root",
      }));
      return { stdout: JSON.stringify(items.length ? items : null) + "\n", exitCode: 0 };
    }
    if (format !== "table") return runcError(`invalid format option`);
    const table = [["ID", "PID", "STATUS", "BUNDLE", "CREATED", "OWNER"], ...rows.map((r) => [r.c.id, String(r.pid), r.status, r.c.bundle, rfc3339Nano(r.c.createdMs, r.c.createdNs), "root"])];
    return { stdout: formatTable(table, { minWidth: 12, padding: 3 }), exitCode: 0 };
  },
};
