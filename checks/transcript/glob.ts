// The ` (glob)` escape hatch: `*` is any run of characters, `?` one character, everything else is literal (no
// classes, no shapes). Matched with the two-pointer algorithm that backs up only to the last `*`, so the cost is
// at most (line length × pattern length) and usually linear.

/** True when the whole of `text` matches the glob `pattern`. */
export function matchGlob(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === "?" || (pattern[p] !== "*" && pattern[p] === text[t]))) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}
