// Regular expressions written by lab authors run against output from hosts we don't trust. JavaScript's
// backtracking engine can take exponential time on patterns like (a+)+ — so patterns are vetted before use:
// bounded length, no quantified group that itself contains a quantifier (star height above one), no
// backreferences; and they only ever see one capped line at a time.

export const MAX_PATTERN = 500;
/** Longest line a user regex is run against; longer lines are cut (a regex never sees a megabyte line). */
export const MAX_REGEX_INPUT = 4096;

/** Compiles an author's pattern, or explains why it is refused. */
export function compileGuarded(source: string, flags = ""): { regex: RegExp } | { error: string } {
  if (source.length > MAX_PATTERN) return { error: `the pattern is longer than ${MAX_PATTERN} characters` };
  if (/\\[1-9]|\\k</.test(source)) return { error: "backreferences are not allowed in check patterns" };
  if (hasNestedQuantifier(source)) {
    return { error: "a repeated group contains a repetition (like (a+)+): it could run for ages on hostile output" };
  }
  try {
    return { regex: new RegExp(source, flags) };
  } catch (err) {
    return { error: `not a valid regular expression: ${(err as Error).message}` };
  }
}

/** Tests each line (capped) of `text` against `regex`; returns the first matching line or null. */
export function firstMatchingLine(regex: RegExp, text: string): string | null {
  for (const line of text.split("\n")) {
    const capped = line.length > MAX_REGEX_INPUT ? line.slice(0, MAX_REGEX_INPUT) : line;
    regex.lastIndex = 0;
    if (regex.test(capped)) return capped;
  }
  return null;
}

// Scans groups; a group containing a quantifier that is itself followed by a quantifier is star height 2.
function hasNestedQuantifier(source: string): boolean {
  const stack: boolean[] = []; // per open group: has a quantifier inside
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "(") stack.push(false);
    else if (ch === ")") {
      const inner = stack.pop() ?? false;
      const next = source[i + 1];
      const quantified = next === "*" || next === "+" || next === "?" || next === "{";
      if (inner && quantified && next !== "?") return true;
      if ((inner || quantified) && stack.length) stack[stack.length - 1] = true;
    } else if ((ch === "*" || ch === "+" || ch === "{") && stack.length) stack[stack.length - 1] = true;
  }
  return false;
}
