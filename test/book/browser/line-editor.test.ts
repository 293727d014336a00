// The prompt's line editing, fed the bytes xterm.js hands over for each key.
import { describe, expect, it } from "vitest";
import { HISTORY_SIZE, LineEditor } from "../../../book/browser/line-editor.js";

const UP = "\x1b[A";
const DOWN = "\x1b[B";
const LEFT = "\x1b[D";
const RIGHT = "\x1b[C";

describe("LineEditor", () => {
  it("echoes printable characters and submits the line on Enter", () => {
    const e = new LineEditor();
    expect(e.feed("ls -Z").echo).toBe("ls -Z");
    expect(e.feed("\r")).toEqual({ echo: "\r\n", submit: "ls -Z" });
  });

  it("deletes before the cursor with Backspace, and does nothing at the line's start", () => {
    const e = new LineEditor();
    e.feed("lss");
    expect(e.feed("\x7f").echo).toBe("\b \x1b[1D");
    expect(e.state).toEqual({ line: "ls", cursor: 2 });
    e.feed("\x7f\x7f");
    expect(e.feed("\x7f").echo).toBe("");
  });

  it("inserts in the middle of the line after Left, redrawing the tail", () => {
    const e = new LineEditor();
    e.feed("pdman");
    e.feed(LEFT + LEFT + LEFT + LEFT);
    expect(e.feed("o").echo).toBe("odman\x1b[4D");
    expect(e.state).toEqual({ line: "podman", cursor: 2 });
    e.feed(RIGHT + RIGHT + RIGHT + RIGHT + RIGHT);
    expect(e.state.cursor).toBe(6);
  });

  it("walks the history with Up and Down, keeping the line being typed", () => {
    const e = new LineEditor();
    e.feed("one\r");
    e.reset();
    e.feed("two\r");
    e.reset();
    e.feed("dra");
    e.feed(UP);
    expect(e.state.line).toBe("two");
    e.feed(UP);
    expect(e.state.line).toBe("one");
    expect(e.feed(UP).echo).toBe(""); // the oldest: nothing further
    e.feed(DOWN + DOWN);
    expect(e.state).toEqual({ line: "dra", cursor: 3 });
  });

  it("drops the line on Ctrl-C and reports the interrupt", () => {
    const e = new LineEditor();
    e.feed("sleep 100");
    expect(e.feed("\x03")).toEqual({ echo: "^C\r\n", interrupt: true });
  });

  it("replaces the line with a clicked command, first line only", () => {
    const e = new LineEditor();
    e.feed("xyz");
    const redraw = e.replace("podman ps -a\nextra");
    expect(e.state).toEqual({ line: "podman ps -a", cursor: 12 });
    expect(redraw).toBe("\x1b[3Dpodman ps -a\x1b[K");
  });

  it("ignores escape sequences it does not know, whole", () => {
    const e = new LineEditor();
    expect(e.feed("a\x1b[15~b\x1bOPc").echo).toBe("abc");
  });

  it("keeps at most HISTORY_SIZE lines and no repeated neighbours", () => {
    const e = new LineEditor();
    for (let i = 0; i < HISTORY_SIZE + 10; i++) e.remember(`cmd ${i}`);
    e.remember(`cmd ${HISTORY_SIZE + 9}`);
    e.reset();
    e.feed(UP + UP);
    expect(e.state.line).toBe(`cmd ${HISTORY_SIZE + 8}`);
    for (let i = 0; i < HISTORY_SIZE + 5; i++) e.feed(UP);
    expect(e.state.line).toBe("cmd 10");
  });

  it("survives a huge paste", () => {
    const e = new LineEditor();
    const big = "x".repeat(200_000);
    e.feed(big);
    expect(e.feed("\r").submit).toHaveLength(200_000);
  });
});
