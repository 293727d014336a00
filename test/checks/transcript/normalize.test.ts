import { describe, expect, it } from "vitest";
import { toLines } from "../../../checks/transcript/normalize.js";

describe("what a terminal shows", () => {
  it("drops colour and cursor escapes", () => {
    expect(toLines("\x1b[1;32mok\x1b[0m \x1b]0;title\x07done\x1b[K")).toEqual(["ok done"]);
  });
  it("reads CRLF as a line end and a lone CR as an overwrite", () => {
    expect(toLines("a\r\nb 10%\rb 100%\r\nc")).toEqual(["a", "b 100%", "c"]);
  });
  it("ignores trailing blanks and the final newline, keeps leading blanks and inner empty lines", () => {
    expect(toLines("  a  \n\nb \n\n\n")).toEqual(["  a", "", "b"]);
  });
  it("expands tabs to 8-column stops", () => {
    expect(toLines("a\tbc\td\n\tx")).toEqual(["a       bc      d", "        x"]);
  });
  it("is empty for empty output", () => {
    expect(toLines("")).toEqual([]);
    expect(toLines("\n\n")).toEqual([]);
  });
  it("strips an unterminated escape run in linear time", () => {
    const t0 = performance.now();
    toLines("\x1b[".repeat(200_000) + "x".repeat(200_000));
    toLines("\x1b]".repeat(200_000));
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
