import { describe, expect, it } from "vitest";
import { columnsRule } from "../../../../checks/transcript/tables/columns.js";

const HEADER = "CONTAINER ID  IMAGE                                        COMMAND               CREATED                 STATUS      PORTS       NAMES";
const ROW = "ad416438d9e8  quay.io/fatherlinux/on-off-container:latest  /bin/sh -c bash -...  Less than a second ago  Created                 on-off-container";

describe("tabwriter table rule (podman/docker)", () => {
  it("cuts rows at the header's column starts, keeping blanks inside cells and empty cells", () => {
    const rule = columnsRule("podman ps");
    const layouts = rule.layouts([HEADER, ROW]);
    expect(layouts[0]).toBeUndefined();
    const row = rule.cells(ROW, layouts[1]);
    expect(row?.texts).toEqual([
      "ad416438d9e8", "quay.io/fatherlinux/on-off-container:latest", "/bin/sh -c bash -...", "Less than a second ago", "Created", "", "on-off-container",
    ]);
    expect(row?.modes).toEqual(["shape", "shape", "shape", "shape", "shape", "free", "name"]);
  });

  it("refuses a row whose text runs across a column start", () => {
    const rule = columnsRule("podman ps");
    const layouts = rule.layouts([HEADER, "x".repeat(40)]);
    expect(rule.cells("x".repeat(40), layouts[1])).toBeUndefined();
  });

  it("without a header, keeps a generated name at the end of a row", () => {
    const rule = columnsRule("podman ps");
    const line = "ce49dcd0810c  registry.access.redhat.com/ubi7/ubi:latest  sleep 10  5 seconds ago  Up 6 seconds ago  goofy_wilbur";
    const row = rule.cells(line, rule.layouts([line])[0]);
    expect(row?.texts.at(-1)).toBe("goofy_wilbur");
    expect(row?.modes).toEqual(["shape", "name"]);
  });
});
