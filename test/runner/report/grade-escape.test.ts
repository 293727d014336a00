import { describe, expect, it } from "vitest";
import { escapeHostLine, escapeHostText } from "../../../runner/report/grade-escape.js";

describe("escaping host text", () => {
  it("shows control characters instead of sending them to the terminal; keeps newlines and tabs", () => {
    expect(escapeHostText("a\x1b[31mred\x1b[0m\tb\nc\x07\x9b2J\x7f")).toBe("a\\x1b[31mred\\x1b[0m\tb\nc\\x07\\x9b2J\\x7f");
    expect(escapeHostLine("a\nb\tc\r")).toBe("a\\nb\\tc\\x0d");
  });

  it("caps the length and says how much was cut", () => {
    expect(escapeHostText("z".repeat(5000), 10)).toBe("zzzzzzzzzz… (4990 more characters cut)");
  });
});
