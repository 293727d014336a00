// Continuation lines and here-documents: how one command spans several source lines.
//
// bash removes a backslash-newline pair before it splits words (bash(1), "QUOTING"), so
//     podman create --name web \
//         -v /mnt:/mnt:Z image
// is one command. We join the pieces with a single space where the break had whitespace on either side (so the
// result reads like the command typed on one line; word splitting gives the same words), and with nothing where it
// had none (`ab\` + `cd` is `abcd` to bash too). Inside quotes the exact number of spaces would differ from bash's;
// notes don't break lines inside quotes in practice. We are lenient about spaces after the backslash: notes pasted
// from web pages often have them, and a line-final `\ ` escaping a space is never what an author meant.

/** Whether a source line continues on the next one (ends in an odd number of backslashes, trailing blanks allowed). */
export function continues(line: string): boolean {
  const m = /(\\+)[ \t]*$/.exec(line);
  return m !== null && m[1].length % 2 === 1;
}

/** Joins a continued line to the next one; returns the joined text and where the next line's text starts in it. */
export function joinContinuation(sofar: string, next: string): { text: string; offset: number } {
  const left = sofar.replace(/\\[ \t]*$/, "");
  const right = next.trimStart();
  const spaced = /[ \t]$/.test(left) || right.length !== next.length;
  const head = spaced ? left.trimEnd() + " " : left;
  return { text: head + right, offset: head.length };
}

/** The delimiter of a here-document started on this line (`cat > f <<'EOF'`), and whether it is `<<-`; else null. */
export function heredocDelimiter(line: string): { word: string; stripTabs: boolean } | null {
  const m = /<<(-?)[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(line);
  return m ? { word: m[3], stripTabs: m[1] === "-" } : null;
}
