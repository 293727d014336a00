/** The CLI helpers: pflag-style parsing, Go templates, tabwriter layout, go-units sizes and durations. */
import { describe, expect, it } from "vitest";
import { parseFlags } from "../../../../engine/containers/cli/flags.js";
import { normalizeFormat, renderTemplate, tableHeaders } from "../../../../engine/containers/cli/go-template.js";
import { formatTable } from "../../../../engine/containers/cli/table.js";
import { humanDuration, humanSize } from "../../../../engine/containers/cli/human.js";

const SPECS = [
  { name: "tty", short: "t", kind: "bool" as const },
  { name: "detach", short: "d", kind: "bool" as const },
  { name: "name", kind: "string" as const },
  { name: "volume", short: "v", kind: "list" as const },
];

describe("flags", () => {
  it("groups shorthands, reads values glued or separate, stops at the image", () => {
    const r = parseFlags(["-dt", "--name=x", "-v/a:/b", "-v", "/c:/d", "img", "-t", "cmd"], SPECS, false);
    if ("error" in r) throw new Error(r.error);
    expect([...r.bools].sort()).toEqual(["detach", "tty"]);
    expect(r.strings.get("name")).toBe("x");
    expect(r.lists.get("volume")).toEqual(["/a:/b", "/c:/d"]);
    expect(r.positionals).toEqual(["img", "-t", "cmd"]);
  });

  it("errors as pflag words them", () => {
    expect(parseFlags(["-dt"], SPECS.filter((s) => s.name !== "detach"), false)).toEqual({ error: "unknown shorthand flag: 'd' in -dt" });
    expect(parseFlags(["--nope"], SPECS, false)).toEqual({ error: "unknown flag: --nope" });
    expect(parseFlags(["--name"], SPECS, false)).toEqual({ error: "flag needs an argument: --name" });
  });
});

describe("Go templates", () => {
  const maps = new WeakSet<object>();
  const data = { ID: "abc", State: { Status: "running" }, Data: { Upper: "/u" }, List: ["a", "b"] };
  maps.add(data.Data);
  it("renders fields, nested fields, json, missing map keys", () => {
    expect(renderTemplate("{{.ID}} {{.State.Status}} {{json .List}} {{.Data.Merged}} {{.List}}", { value: data, maps })).toEqual({ text: 'abc running ["a","b"] <no value> [a b]' });
    expect(renderTemplate("{{.Nope}}", { value: data, typeName: "T" })).toEqual({ error: 'template: format:1:2: executing "format" at <.Nope>: can\'t evaluate field Nope in type T' });
    expect(renderTemplate("{{nope .ID}}", { value: data })).toHaveProperty("error");
    expect(renderTemplate("{{.ID", { value: data })).toHaveProperty("error");
  });
  it("normalises table formats and escapes", () => {
    expect(normalizeFormat("table {{.ID}}\\t{{.Names}}")).toEqual({ format: "{{.ID}}\t{{.Names}}", table: true });
    expect(tableHeaders("table {{.ID}}\\t{{.Names}}")).toEqual(["ID", "NAMES"]);
  });
  it("survives hostile formats", () => {
    const huge = "{{.ID}}".repeat(20000);
    const r = renderTemplate(huge, { value: data });
    expect("text" in r && r.text.length).toBe(60000);
    expect(renderTemplate("{{" + ".A".repeat(5000) + "}}", { value: data, typeName: "T" })).toHaveProperty("error");
  });
});

describe("layout", () => {
  it("pads like text/tabwriter (minwidth 12, padding 2)", () => {
    expect(formatTable([["CONTAINER ID", "IMAGE", "NAMES"], ["", "", ""]], { minWidth: 12, padding: 2 })).toBe("CONTAINER ID  IMAGE       NAMES\n                          \n");
  });
  it("go-units", () => {
    expect(humanSize(6758400)).toBe("6.76 MB");
    expect(humanSize(215325184)).toBe("215 MB");
    expect(humanSize(4509696, false)).toBe("4.51MB");
    expect(humanDuration(400)).toBe("Less than a second");
    expect(humanDuration(1000)).toBe("1 second");
    expect(humanDuration(59_000)).toBe("59 seconds");
    expect(humanDuration(61_000)).toBe("About a minute");
    expect(humanDuration(3_600_000)).toBe("About an hour");
  });
});
