import { describe, expect, it } from "vitest";
import { globMatches, parseMounts } from "../../../../checks/typed/formats/mount-table.js";

describe("parseMounts", () => {
  it("splits options outside quotes (SELinux context= holds a comma)", () => {
    const [m] = parseMounts('overlay on /var/lib/x/merged type overlay (rw,context="system_u:object_r:container_file_t:s0:c1,c2",lowerdir=/a:/b)\n');
    expect(m).toMatchObject({ source: "overlay", target: "/var/lib/x/merged", fstype: "overlay" });
    expect(m.options).toEqual(["rw", 'context="system_u:object_r:container_file_t:s0:c1,c2"', "lowerdir=/a:/b"]);
  });

  it("keeps mount points with spaces and skips other lines", () => {
    const ms = parseMounts("/dev/sdb1 on /mnt/my disk type ext4 (rw)\nnot a mount line\n");
    expect(ms.map((m) => m.target)).toEqual(["/mnt/my disk"]);
  });

  it("globs whole paths", () => {
    expect(globMatches("/var/lib/containers/storage/overlay/*/merged", "/var/lib/containers/storage/overlay/ab12/merged")).toBe(true);
    expect(globMatches("/var/lib/*/merged", "/var/lib/x/merged/sub")).toBe(false);
    expect(globMatches("/a.b/?", "/aXb/c")).toBe(false);
  });
});
