import { describe, expect, it } from "vitest";
import { describeBytes, parseBytes } from "../../../../checks/typed/formats/sizes.js";

describe("sizes", () => {
  it("reads podman units (binary) and cgroup values", () => {
    expect(parseBytes("42m")).toBe(44040192);
    expect(parseBytes("64M")).toBe(67108864);
    expect(parseBytes("1g")).toBe(1073741824);
    expect(parseBytes("512k")).toBe(524288);
    expect(parseBytes("1.5g")).toBe(1610612736);
    expect(parseBytes("max")).toBe(Infinity);
    expect(parseBytes("9223372036854771712")).toBe(Infinity);
    expect(parseBytes("lots")).toBeNaN();
  });

  it("describes bytes", () => {
    expect(describeBytes(67108864)).toBe("64 MiB (67108864 bytes)");
    expect(describeBytes(Infinity)).toBe("no limit");
    expect(describeBytes(1000)).toBe("1000 bytes");
  });
});
