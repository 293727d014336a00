import { describe, expect, it } from "vitest";
import { isLongListing, lsRule } from "../../../../checks/transcript/tables/ls.js";

function cells(args: string[], line: string) {
  const rule = lsRule(args);
  const row = rule.cells(line, rule.layouts([line])[0]);
  return row && row.texts.map((t, k) => `${row.modes[k]}:${t}`);
}

describe("ls -l table rule", () => {
  it.each([
    [["-l"], true],
    [["-alhZ"], true],
    [["-lisah", "/mnt"], true],
    [["-a"], false],
    [["--color=never"], false],
  ])("long format for ls %j: %s", (args, want) => {
    expect(isLongListing(args)).toBe(want);
  });

  it("reads inode, blocks, mode, links, owner, group, size, date and name", () => {
    expect(cells(["-lisah"], " 477233 4.0K drwxr-xr-x. 1 root root 4.0K Mar 26 13:00 ..")).toEqual([
      "inode:477233", "free:4.0K", "shape:drwxr-xr-x.", "shape:1", "shape:root", "shape:root", "free:4.0K", "free:Mar 26 13:00", "shape:..",
    ]);
  });

  it("keeps a regular file's size, and the context of -Z, by shape", () => {
    expect(cells(["-lZ"], "-rw-r--r--. 1 root root system_u:object_r:container_file_t:s0:c1,c2 12 Nov 30 07:05 on")).toEqual([
      "shape:-rw-r--r--.", "shape:1", "shape:root", "shape:root", "shape:system_u:object_r:container_file_t:s0:c1,c2", "shape:12", "free:Nov 30 07:05", "shape:on",
    ]);
  });

  it("leaves RHEL 7's short -Z rows and other lines to whole-line matching", () => {
    expect(cells(["-alhZ"], "drwxr-xr-x. root root unconfined_u:object_r:user_tmp_t:s0 .")).toBeUndefined();
    expect(cells(["-l"], "ls: cannot access '/x': No such file or directory")).toBeUndefined();
    expect(cells(["-l"], "total 8.0K")).toEqual(["shape:total", "free:8.0K"]);
  });
});
