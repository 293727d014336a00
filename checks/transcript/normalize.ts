// What a terminal shows, not the bytes that made it: colour and cursor escapes (ECMA-48 CSI, OSC) are dropped,
// CRLF is a line end, a lone CR overwrites the line as a terminal would (progress bars), trailing blanks and
// trailing empty lines (the final newline) do not count, tabs are expanded to the terminal's 8-column stops (so a
// table pasted with tabs keeps its columns). Leading blanks stay: the matcher decides what they mean.

// CSI (ESC [ params intermediates final), OSC (ESC ] … BEL or ESC \), and two-byte escapes (ESC + one of @-Z \ ] ^ _).
// Each alternative stops at the next ESC, so stripping is linear on any input.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;

const TAB_STOP = 8;

function expandTabs(line: string): string {
  let out = "";
  for (const ch of line) {
    if (ch === "\t") out += " ".repeat(TAB_STOP - (out.length % TAB_STOP));
    else out += ch;
  }
  return out;
}

/** Splits captured or pasted output into the lines a terminal would show. */
export function toLines(text: string): string[] {
  const lines = text.replace(ANSI, "").split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.endsWith("\r")) line = line.slice(0, -1);
    const cr = line.lastIndexOf("\r");
    if (cr >= 0) line = line.slice(cr + 1);
    if (line.includes("\t")) line = expandTabs(line);
    lines[i] = line.trimEnd();
  }
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
