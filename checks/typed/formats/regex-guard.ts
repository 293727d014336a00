// Regular expressions written by lab authors run against output from hosts we don't trust, on JavaScript's
// backtracking engine. Two kinds of patterns are slow there:
//   - exponential: a repeated group that itself repeats or alternates, like (a+)+ or (a|aa)+ — refused outright;
//   - polynomial: each open-ended repetition (*, +, {n,}) multiplies the work by the line's length, and an
//     unanchored search (no leading ^) by the length once more. `.*.*x` on a 4096-character line takes seconds.
// So a pattern gets a budget: with e such factors, it only ever sees lines of at most BUDGET^(1/e) characters;
// longer lines are not searched (a check then fails rather than stalls — never a false pass). Patterns with more
// than three factors are refused. Backreferences are refused too (they defeat every bound).

export const MAX_PATTERN = 500;
/** Roughly the backtracking steps allowed per line (a few milliseconds). */
const BUDGET = 2e7;
const MAX_FACTORS = 3;
/** Lines longer than this are never searched, whatever the pattern. */
export const MAX_REGEX_INPUT = 4096;

/** A vetted pattern and the longest line it may be run on. */
export interface GuardedRegex {
  regex: RegExp;
  maxLine: number;
}

/** Compiles an author's pattern, or explains why it is refused. */
export function compileGuarded(source: string, flags = ""): GuardedRegex | { error: string } {
  if (source.length > MAX_PATTERN) return { error: `the pattern is longer than ${MAX_PATTERN} characters` };
  if (/\\[1-9]|\\k</.test(source)) return { error: "backreferences are not allowed in check patterns" };
  const scan = scanPattern(source);
  if (scan.nested) {
    return { error: "a repeated group contains a repetition or alternatives (like (a+)+ or (a|b)+): it could run for ages on hostile output" };
  }
  const factors = scan.openEnded + (source.startsWith("^") ? 0 : 1);
  if (factors > MAX_FACTORS) {
    return { error: `too many open-ended repetitions (*, +, {n,}): at most ${source.startsWith("^") ? 3 : 2}${source.startsWith("^") ? "" : " (3 when the pattern starts with ^)"}` };
  }
  try {
    const regex = new RegExp(source, flags);
    const maxLine = Math.min(MAX_REGEX_INPUT, Math.floor(Math.pow(BUDGET, 1 / Math.max(1, factors))));
    return { regex, maxLine };
  } catch (err) {
    return { error: `not a valid regular expression: ${(err as Error).message}` };
  }
}

/** Whether `text` (one line) matches; lines past the pattern's budget never match. */
export function guardedTest(g: GuardedRegex, text: string): boolean {
  if (text.length > g.maxLine) return false;
  g.regex.lastIndex = 0;
  return g.regex.test(text);
}

/** The first line of `text` that matches, or null. */
export function firstMatchingLine(g: GuardedRegex, text: string): string | null {
  for (const line of text.split("\n")) if (guardedTest(g, line)) return line;
  return null;
}

// Counts open-ended quantifiers and finds quantified groups that contain a quantifier or an alternation.
function scanPattern(source: string): { openEnded: number; nested: boolean } {
  const stack: boolean[] = []; // per open group: holds a quantifier or `|`
  let openEnded = 0;
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
    const next = source[i + 1];
    const openQuantifier = next === "*" || next === "+" || (next === "{" && /^\{\d+,\}/.test(source.slice(i + 1)));
    if (ch === "[") inClass = true;
    else if (ch === "(") stack.push(false);
    else if (ch === ")") {
      const inner = stack.pop() ?? false;
      const repeated = openQuantifier || (next === "{" && /^\{\d+(,\d+)?\}/.test(source.slice(i + 1)));
      if (inner && repeated) return { openEnded, nested: true };
      if ((inner || repeated) && stack.length) stack[stack.length - 1] = true;
    } else if (ch === "|" && stack.length) stack[stack.length - 1] = true;
    else if ((ch === "*" || ch === "+" || ch === "{") && stack.length) stack[stack.length - 1] = true;
    if (ch === "*" || ch === "+" || (ch === "{" && /^\{\d+,\}/.test(source.slice(i)))) {
      if (source[i - 1] !== "\\") openEnded++;
    }
  }
  return { openEnded, nested: false };
}
