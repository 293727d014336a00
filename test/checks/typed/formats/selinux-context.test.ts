import { describe, expect, it } from "vitest";
import { isNoLabel, mcsCategories, parseContext } from "../../../../checks/typed/formats/selinux-context.js";

describe("SELinux contexts", () => {
  it("parses container, host and range contexts", () => {
    expect(parseContext("system_u:system_r:container_t:s0:c322,c619")).toEqual({ user: "system_u", role: "system_r", type: "container_t", level: "s0:c322,c619" });
    expect(parseContext("unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023")?.level).toBe("s0-s0:c0.c1023");
    expect(parseContext("unconfined_u:object_r:user_tmp_t:s0")?.type).toBe("user_tmp_t");
  });

  it("is null for what hosts without SELinux print", () => {
    for (const t of ["-", "?", "", "drwxr-xr-x", "a:b:c", "a:b:c:d"]) expect(parseContext(t)).toBeNull();
    expect(isNoLabel("-") && isNoLabel("?") && isNoLabel(" ")).toBe(true);
  });

  it("canonicalises categories: ranges expand, order doesn't matter", () => {
    expect(mcsCategories("s0:c322,c619")).toBe("c322,c619");
    expect(mcsCategories("s0:c619,c322")).toBe("c322,c619");
    expect(mcsCategories("s0:c1.c3")).toBe("c1,c2,c3");
    expect(mcsCategories("s0")).toBe("");
    expect(mcsCategories("s0-s0:c0.c1023").split(",")).toHaveLength(1024);
  });
});
