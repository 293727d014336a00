// "Did you mean …?": the nearest known word to a misspelt one, by Levenshtein edit distance (one insertion,
// deletion or substitution costs 1). Used for front matter keys and registry host names.

/** Levenshtein distance between two strings (two-row dynamic programme, O(|a|·|b|) time, O(|b|) space). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo: at most `maxDistance` edits and
 * fewer edits than a third of the word's length (so `foo` is not "corrected" to `bar`).
 */
export function closest(word: string, candidates: readonly string[], maxDistance = 3): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  if (best === null || bestDistance === 0) return best;
  return bestDistance <= maxDistance && bestDistance * 3 <= Math.max(word.length, 3) ? best : null;
}
