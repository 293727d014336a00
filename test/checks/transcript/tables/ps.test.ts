import { describe, expect, it } from "vitest";
import { psColumns, psRule } from "../../../../checks/transcript/tables/ps.js";

describe("ps table rule", () => {
  it.each([
    [["-efZ"], ["LABEL", "UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"]],
    [["-ef"], ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"]],
    [["aux"], ["USER", "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY", "STAT", "START", "TIME", "COMMAND"]],
    [["auxZ"], ["LABEL", "USER", "PID", "%CPU", "%MEM", "VSZ", "RSS", "TTY", "STAT", "START", "TIME", "COMMAND"]],
    [[], ["PID", "TTY", "TIME", "CMD"]],
    [["-o", "pid,cmd"], undefined],
  ])("columns for ps %j", (args, columns) => {
    expect(psColumns(args)).toEqual(columns);
  });

  it("cuts a row into its columns, the command keeping its blanks", () => {
    const rule = psRule(["-efZ"]);
    const [layout] = rule.layouts(["x"]);
    const row = rule.cells("system_u:system_r:container_t:s0:c1,c2 root 23373 23362  7 07:06 ?  00:00:00 bash -c if [ -f /mnt/on ]; then top; fi", layout);
    expect(row?.texts).toEqual([
      "system_u:system_r:container_t:s0:c1,c2", "root", "23373", "23362", "7", "07:06", "?", "00:00:00",
      "bash -c if [ -f /mnt/on ]; then top; fi",
    ]);
    expect(row?.modes).toEqual(["shape", "shape", "pid", "pid", "free", "free", "free", "free", "shape"]);
  });

  it("takes its columns from a header when there is one, and compares the header as a line", () => {
    const rule = psRule(["-o", "pid,ppid,cmd"]);
    const layouts = rule.layouts(["  PID  PPID CMD", "  812     1 /usr/sbin/sshd -D"]);
    expect(layouts[0]).toBeUndefined();
    expect(rule.cells("  812     1 /usr/sbin/sshd -D", layouts[1])?.texts).toEqual(["812", "1", "/usr/sbin/sshd -D"]);
  });

  it("does not cut a line too short to be a row, nor one without pids", () => {
    const rule = psRule(["-ef"]);
    expect(rule.cells("root 1", rule.layouts(["root 1"])[0])).toBeUndefined();
    const usage = "error: unsupported SysV option, see the man page for the list of options";
    expect(rule.cells(usage, rule.layouts([usage])[0])).toBeUndefined();
  });
});
