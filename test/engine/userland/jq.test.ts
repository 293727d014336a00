import { describe, it, expect } from "vitest";
import { seeded } from "../helpers.js";

describe("jq (just-bash's)", () => {
  it("pretty-prints like real jq: 2-space indent, arrays one element a line, empty containers inline", async () => {
    const { s } = seeded();
    await s.run(`echo '{"ociVersion":"1.0.1-dev","process":{"args":["top"],"env":[]},"mounts":{},"n":1.5,"t":true,"z":null}' > /tmp/c.json`);
    expect((await s.run("cat /tmp/c.json | jq .")).stdout).toBe(
      '{\n  "ociVersion": "1.0.1-dev",\n  "process": {\n    "args": [\n      "top"\n    ],\n    "env": []\n  },\n  "mounts": {},\n  "n": 1.5,\n  "t": true,\n  "z": null\n}\n',
    );
    expect((await s.run("jq -r .process.args[0] /tmp/c.json")).stdout).toBe("top\n");
  });
});
