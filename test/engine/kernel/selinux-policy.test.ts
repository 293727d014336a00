/** The access decision as a pure function: type enforcement rows and the MCS dominance rule. */
import { describe, expect, it } from "vitest";
import { deniedPerms, dominates, isConfinedDomain, typeOf } from "../../../engine/kernel/selinux-policy.js";

const C12 = "system_u:system_r:container_t:s0:c1,c2";
const file = (type: string, level = "s0") => `system_u:object_r:${type}:${level}`;

describe("MCS dominance", () => {
  it("a pair dominates itself, either of its categories and plain s0, not another pair", () => {
    expect(dominates("s0:c1,c2", "s0:c1,c2")).toBe(true);
    expect(dominates("s0:c1,c2", "s0:c2")).toBe(true);
    expect(dominates("s0:c1,c2", "s0")).toBe(true);
    expect(dominates("s0:c1,c2", "s0:c3,c4")).toBe(false);
    expect(dominates("s0:c1,c2", "s0:c1,c3")).toBe(false);
  });
  it("reads the high end of a range and category ranges", () => {
    expect(dominates("s0-s0:c0.c1023", "s0:c530,c695")).toBe(true);
    expect(dominates("s0", "s0:c1,c2")).toBe(false);
    expect(dominates("s0:c0.c3", "s0:c1,c3")).toBe(true);
  });
});

describe("type enforcement", () => {
  it("container_t uses container_file_t of its own pair, not another's", () => {
    expect(deniedPerms(C12, file("container_file_t", "s0:c1,c2"), "file", ["read", "write"])).toEqual([]);
    expect(deniedPerms(C12, file("container_file_t"), "dir", ["write"])).toEqual([]);
    expect(deniedPerms(C12, file("container_file_t", "s0:c3,c4"), "file", ["read"])).toEqual(["read"]);
  });
  it("reads system types but does not write them; never shadow_t or a home", () => {
    for (const t of ["etc_t", "bin_t", "lib_t", "usr_t", "passwd_file_t"]) expect(deniedPerms(C12, file(t), "file", ["read"])).toEqual([]);
    expect(deniedPerms(C12, file("etc_t"), "file", ["write"])).toEqual(["write"]);
    expect(deniedPerms(C12, file("tmp_t"), "dir", ["write"])).toEqual(["write"]);
    for (const t of ["shadow_t", "user_home_t", "admin_home_t", "user_tmp_t"]) {
      expect(deniedPerms(C12, file(t), "file", ["read"]), t).toEqual(["read"]);
    }
  });
  it("getattr is granted everywhere, so ls -dZ of a foreign volume still shows its label", () => {
    expect(deniedPerms(C12, file("container_file_t", "s0:c3,c4"), "dir", ["getattr"])).toEqual([]);
    expect(deniedPerms(C12, file("shadow_t"), "file", ["getattr"])).toEqual([]);
  });
  it("a process may read its own /proc files (target type = its own)", () => {
    expect(deniedPerms(C12, C12, "file", ["read"])).toEqual([]);
  });
  it("unconfined_t and spc_t are not confined at all", () => {
    expect(isConfinedDomain("unconfined_t")).toBe(false);
    expect(isConfinedDomain("spc_t")).toBe(false);
    expect(isConfinedDomain("container_t")).toBe(true);
    expect(deniedPerms("system_u:system_r:spc_t:s0", file("shadow_t"), "file", ["read", "write"])).toEqual([]);
    expect(deniedPerms("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023", file("container_file_t", "s0:c3,c4"), "file", ["write"])).toEqual([]);
  });
  it("typeOf reads the third field", () => {
    expect(typeOf(C12)).toBe("container_t");
    expect(typeOf("u:r:t")).toBe("t");
  });
});
