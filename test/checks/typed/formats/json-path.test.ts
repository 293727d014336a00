import { describe, expect, it } from "vitest";
import { getJsonPath, parseJsonPath } from "../../../../checks/typed/formats/json-path.js";

describe("JSON path subset", () => {
  const doc = [{ State: { Status: "running" }, Mounts: [{ Destination: "/mnt" }], Config: { Labels: { "io.k8s.name": "ubi" } } }];

  it("parses keys, indexes and quoted keys", () => {
    expect(parseJsonPath('.Mounts[0].Destination')).toEqual(["Mounts", 0, "Destination"]);
    expect(parseJsonPath('.Config.Labels["io.k8s.name"]')).toEqual(["Config", "Labels", "io.k8s.name"]);
    expect(() => parseJsonPath("State.Status")).toThrow(/cannot read the JSON path/);
    expect(() => parseJsonPath(".a[x]")).toThrow();
  });

  it("looks through podman inspect's one-element array", () => {
    expect(getJsonPath(doc, parseJsonPath(".State.Status"))).toBe("running");
    expect(getJsonPath(doc, parseJsonPath("[0].State.Status"))).toBe("running");
    expect(getJsonPath(doc, parseJsonPath('.Config.Labels["io.k8s.name"]'))).toBe("ubi");
    expect(getJsonPath(doc, parseJsonPath(".Mounts[3].Destination"))).toBeUndefined();
    expect(getJsonPath(doc, parseJsonPath(".State.Status.x"))).toBeUndefined();
    expect(getJsonPath({ a: 1 }, parseJsonPath(".constructor"))).toBeUndefined();
  });
});
