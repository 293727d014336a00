import { describe, expect, it } from "vitest";
import { verdictOn } from "./helpers.js";

describe("exit-code check", () => {
  it("compares the exit status", async () => {
    expect((await verdictOn("rhel9-cgroupv2", `{type: exit-code, title: t, command: test -d /srv/web}`)).status).toBe("pass");
    const v = await verdictOn("rhel9-cgroupv2", `{type: exit-code, title: t, command: test -d /srv/web, exit-code: 1}`);
    expect(v).toMatchObject({ status: "fail", message: "`test -d /srv/web` exited with 0, not 1" });
  });
});
