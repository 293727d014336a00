// Text that came from a graded host is untrusted: a student (or anyone who owns the host) decides what its commands
// print. Printed raw, ESC/CSI/OSC sequences could move the cursor over other students' rows, retitle the grader's
// terminal, or hide a line (ECMA-48). Everything a grade report shows from a host goes through here first: control
// characters become visible escapes (`\x1b`, `\x07`, `\u009b`), newlines and tabs stay, and the length is capped.

/** The most characters kept from one host-supplied text in a report (messages, evidence, error reasons). */
export const MAX_REPORTED_TEXT = 4096;

// C0 controls except \t and \n, DEL, and the C1 range (U+0080–U+009F: 8-bit CSI is U+009B).
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]/g;

/** `text` safe to print on a terminal or put in a report, capped at `max` characters. */
export function escapeHostText(text: string, max = MAX_REPORTED_TEXT): string {
  const capped = text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters cut)` : text;
  return capped.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** One line of host text: like escapeHostText, with newlines and tabs shown as `\n` and `\t` too. */
export function escapeHostLine(text: string, max = MAX_REPORTED_TEXT): string {
  return escapeHostText(text, max).replace(/\n/g, "\\n").replace(/\t/g, "\\t");
}
