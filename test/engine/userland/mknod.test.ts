/** mknod: device nodes need CAP_MKNOD, FIFOs do not; coreutils' usage errors. */
import { describe, expect, it } from "vitest";
import { seeded } from "../helpers.js";

describe("mknod", () => {
  it("makes devices as root on the host, and says what is missing", async () => {
    const { s } = seeded("rhel9");
    expect((await s.run("mknod /tmp/null c 1 3 && stat -c %F /tmp/null")).stdout).toBe("character special file\n");
    expect((await s.run("mknod /tmp/fifo p && stat -c %F /tmp/fifo")).stdout).toBe("fifo\n");
    expect((await s.run("mknod /tmp/x")).stderr).toBe("mknod: missing operand after '/tmp/x'\nTry 'mknod --help' for more information.\n");
    expect((await s.run("mknod /tmp/x q")).stderr).toBe("mknod: invalid device type 'q'\nTry 'mknod --help' for more information.\n");
    expect((await s.run("mknod /tmp/null c 1 3")).stderr).toBe("mknod: /tmp/null: File exists\n");
  });
});
