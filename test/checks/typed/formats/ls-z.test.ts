import { describe, expect, it } from "vitest";
import { parseLsLabel } from "../../../../checks/typed/formats/ls-z.js";

describe("parseLsLabel", () => {
  it("reads RHEL 7, modern, and modern -l layouts", () => {
    expect(parseLsLabel("drwxr-xr-x. root root unconfined_u:object_r:user_tmp_t:s0 /tmp/x\n")).toMatchObject({ kind: "context", raw: "unconfined_u:object_r:user_tmp_t:s0" });
    expect(parseLsLabel("system_u:object_r:container_file_t:s0:c1,c2 /tmp/x\n")).toMatchObject({ kind: "context", context: { level: "s0:c1,c2" } });
    expect(parseLsLabel("drwxr-xr-x. 2 root root system_u:object_r:container_file_t:s0:c677,c851 56 Dec 15 20:23 /opt/test\n")).toMatchObject({ kind: "context" });
  });

  it("recognises `?` of a host without SELinux (observed coreutils 9.1)", () => {
    expect(parseLsLabel("? /tmp/x\n").kind).toBe("none");
    expect(parseLsLabel("drwxr-xr-x 2 root root ? 4.0K Nov 30 07:05 .\n").kind).toBe("none");
    expect(parseLsLabel("/tmp/what?\n").kind).toBe("unreadable");
    expect(parseLsLabel("").kind).toBe("unreadable");
  });
});
