// The guard for ` (re)` lines. An author's regex runs on a student's output, so it must not be able to hang the
// runner: a backtracking engine (JavaScript's RegExp) takes exponential time on patterns such as `(a+)+$` or
// `(a|a)*b`, and polynomial time on `.*.*.*x`. So `(re)` lines never reach RegExp. They are parsed here and run as
// a Thompson NFA (Russ Cox, "Regular Expression Matching Can Be Simple And Fast"): every state advances in lock
// step over the input, so a match costs at most (input length × pattern states), whatever the pattern.
//
// Supported: literals, `.`, classes `[a-z0-9_]` `[^…]`, escapes `\d \w \s \D \W \S \t \n \r \xhh \.`, groups
// `(…)` `(?:…)` `(?<name>…)`, alternation `|`, quantifiers `* + ? {n} {n,} {n,m}` (lazy `?` suffix accepted, it
// changes nothing for a yes/no match), `^` first and `$` last (the match is anchored to the whole line anyway).
// Refused with a reason, never run: backreferences, lookaround, `\b`, and patterns that would exceed MAX_STATES.

type Node =
  | { t: "char"; test: (c: number) => boolean }
  | { t: "seq"; items: Node[] }
  | { t: "alt"; items: Node[] }
  | { t: "rep"; item: Node; min: number; max: number }; // max = Infinity for unbounded

/** Most NFA states a pattern may compile to (counted repetitions are expanded). */
export const MAX_STATES = 10_000;
/** Most (characters × states) steps one match may take before it gives up (tens of milliseconds). */
export const MAX_STEPS = 20_000_000;

/** Deepest group nesting accepted (parsing and compiling recurse on it). */
export const MAX_DEPTH = 100;

export class RegexRefused extends Error {}

const CLASS_ESCAPES: Record<string, (c: number) => boolean> = {
  d: (c) => c >= 48 && c <= 57,
  w: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95,
  s: (c) => c === 32 || (c >= 9 && c <= 13) || c === 160,
};

function parse(src: string): Node {
  let i = 0;
  let depth = 0;
  const refuse = (why: string): never => {
    throw new RegexRefused(`${why} (at ${i} in ${JSON.stringify(src.length > 60 ? src.slice(0, 60) + "…" : src)})`);
  };

  function escapeTest(): (c: number) => boolean {
    const e = src[i++];
    if (e === undefined) refuse("a trailing backslash");
    if (/[1-9]/.test(e) || e === "k") refuse("backreferences are not supported");
    if (e === "b" || e === "B") refuse("\\b word boundaries are not supported");
    const lower = e.toLowerCase();
    if (lower in CLASS_ESCAPES) {
      const f = CLASS_ESCAPES[lower];
      return e === lower ? f : (c) => !f(c);
    }
    const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, v: 11, "0": 0 };
    if (e in simple) {
      const code = simple[e];
      return (c) => c === code;
    }
    if (e === "x") {
      const hex = src.slice(i, i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) refuse("\\x needs two hex digits");
      i += 2;
      const code = parseInt(hex, 16);
      return (c) => c === code;
    }
    if (/[A-Za-z]/.test(e)) refuse(`unknown escape \\${e}`);
    const code = e.charCodeAt(0);
    return (c) => c === code;
  }

  function classAtom(): Node {
    i++; // [
    let negate = false;
    if (src[i] === "^") {
      negate = true;
      i++;
    }
    const parts: Array<(c: number) => boolean> = [];
    let first = true;
    while (i < src.length && (src[i] !== "]" || first)) {
      first = false;
      let lo: number;
      if (src[i] === "\\") {
        i++;
        const e = src[i];
        if (e !== undefined && e.toLowerCase() in CLASS_ESCAPES) {
          parts.push(escapeTest());
          continue;
        }
        const t = escapeTest();
        lo = -1;
        for (let c = 0; c < 0x10000 && lo < 0; c++) if (t(c)) lo = c;
      } else {
        lo = src.charCodeAt(i++);
      }
      if (src[i] === "-" && i + 1 < src.length && src[i + 1] !== "]") {
        i++;
        let hi: number;
        if (src[i] === "\\") {
          i++;
          const t = escapeTest();
          hi = -1;
          for (let c = 0; c < 0x10000 && hi < 0; c++) if (t(c)) hi = c;
        } else hi = src.charCodeAt(i++);
        if (hi < lo) refuse("a class range out of order");
        const a = lo;
        const b = hi;
        parts.push((c) => c >= a && c <= b);
      } else {
        const a = lo;
        parts.push((c) => c === a);
      }
    }
    if (src[i] !== "]") refuse("an unclosed [");
    i++;
    return { t: "char", test: (c) => parts.some((p) => p(c)) !== negate };
  }

  function atom(): Node {
    const ch = src[i];
    if (ch === "(") {
      if (++depth > MAX_DEPTH) refuse(`groups nested deeper than ${MAX_DEPTH}`);
      i++;
      if (src[i] === "?") {
        if (src.startsWith("?:", i)) i += 2;
        else if (src[i + 1] === "<" && src[i + 2] !== "=" && src[i + 2] !== "!") {
          const close = src.indexOf(">", i);
          if (close < 0) refuse("an unclosed group name");
          i = close + 1;
        } else refuse("lookaround is not supported");
      }
      const inner = alternation();
      if (src[i] !== ")") refuse("an unclosed (");
      i++;
      depth--;
      return inner;
    }
    if (ch === "[") return classAtom();
    if (ch === ".") {
      i++;
      return { t: "char", test: (c) => c !== 10 };
    }
    if (ch === "\\") {
      i++;
      return { t: "char", test: escapeTest() };
    }
    if (ch === "*" || ch === "+" || ch === "?" || ch === "{") refuse("a quantifier with nothing to repeat");
    if (ch === "^" || ch === "$") refuse(`${ch} is only allowed at the start or end`);
    i++;
    const code = ch.charCodeAt(0);
    return { t: "char", test: (c) => c === code };
  }

  function repeat(): Node {
    const node = atom();
    {
      const q = src[i];
      let min: number;
      let max: number;
      if (q === "*") [min, max] = [0, Infinity];
      else if (q === "+") [min, max] = [1, Infinity];
      else if (q === "?") [min, max] = [0, 1];
      else if (q === "{" && /^\{\d+(,\d*)?\}/.test(src.slice(i, i + 24))) {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 24))!;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
        if (max < min) refuse("a {n,m} with m < n");
        i += m[0].length - 1;
      } else return node;
      i++;
      if (src[i] === "?") i++; // lazy: same language
      if (src[i] === "*" || src[i] === "+" || src[i] === "?" || (src[i] === "{" && /^\{\d/.test(src.slice(i, i + 2)))) {
        refuse("a quantifier with nothing to repeat");
      }
      return { t: "rep", item: node, min, max };
    }
  }

  function sequence(): Node {
    const items: Node[] = [];
    while (i < src.length && src[i] !== "|" && src[i] !== ")") items.push(repeat());
    return items.length === 1 ? items[0] : { t: "seq", items };
  }

  function alternation(): Node {
    const items = [sequence()];
    while (src[i] === "|") {
      i++;
      items.push(sequence());
    }
    return items.length === 1 ? items[0] : { t: "alt", items };
  }

  let body = src;
  if (body.startsWith("^")) body = body.slice(1);
  if (body.endsWith("$") && !body.endsWith("\\$")) body = body.slice(0, -1);
  src = body;
  const node = alternation();
  if (i < src.length) refuse("an unmatched )");
  return node;
}

// NFA states in flat arrays: a state either tests one character and goes to next[s], or (test undefined) is an
// epsilon state that goes to next[s] and, when alt[s] >= 0, also to alt[s]. State ACCEPT ends the match.
interface Nfa {
  test: Array<((c: number) => boolean) | undefined>;
  next: number[];
  alt: number[];
  start: number;
}

const ACCEPT = -2;

function compile(root: Node): Nfa {
  const nfa: Nfa = { test: [], next: [], alt: [], start: 0 };
  const add = (test: ((c: number) => boolean) | undefined): number => {
    if (nfa.test.length >= MAX_STATES) throw new RegexRefused(`the pattern needs more than ${MAX_STATES} states`);
    nfa.test.push(test);
    nfa.next.push(-1);
    nfa.alt.push(-1);
    return nfa.test.length - 1;
  };
  // Each fragment: its entry state and the list of dangling exits ([state, which-arrow]) to patch.
  type Exit = [number, "next" | "alt"];
  const patch = (exits: Exit[], to: number) => {
    for (const [s, k] of exits) nfa[k][s] = to;
  };
  const build = (n: Node): { start: number; exits: Exit[] } => {
    if (n.t === "char") {
      const s = add(n.test);
      return { start: s, exits: [[s, "next"]] };
    }
    if (n.t === "seq") {
      if (n.items.length === 0) {
        const s = add(undefined);
        return { start: s, exits: [[s, "next"]] };
      }
      const first = build(n.items[0]);
      let exits = first.exits;
      for (const item of n.items.slice(1)) {
        const f = build(item);
        patch(exits, f.start);
        exits = f.exits;
      }
      return { start: first.start, exits };
    }
    if (n.t === "alt") {
      const frags = n.items.map(build);
      let start = frags[frags.length - 1].start;
      for (let k = frags.length - 2; k >= 0; k--) {
        const s = add(undefined);
        nfa.next[s] = frags[k].start;
        nfa.alt[s] = start;
        start = s;
      }
      return { start, exits: frags.flatMap((f) => f.exits) };
    }
    // repetition: min mandatory copies, then (max - min) optional copies or one loop
    const entry = add(undefined);
    let exits: Exit[] = [[entry, "next"]];
    for (let k = 0; k < n.min; k++) {
      const f = build(n.item);
      patch(exits, f.start);
      exits = f.exits;
    }
    if (n.max === Infinity) {
      const loop = add(undefined);
      patch(exits, loop);
      const f = build(n.item);
      nfa.alt[loop] = f.start;
      patch(f.exits, loop);
      exits = [[loop, "next"]];
    } else {
      const skips: Exit[] = [];
      for (let k = n.min; k < n.max; k++) {
        const opt = add(undefined);
        patch(exits, opt);
        const f = build(n.item);
        nfa.alt[opt] = f.start;
        skips.push([opt, "next"]);
        exits = f.exits;
      }
      exits = [...exits, ...skips];
    }
    return { start: entry, exits };
  };
  const f = build(root);
  patch(f.exits, ACCEPT);
  nfa.start = f.start;
  return nfa;
}

/** A compiled ` (re)` pattern: call test() on a line; or the reason it was refused. */
export interface LinearRegex {
  test(text: string): boolean | "gave-up";
}

/** Compiles an author's regex for whole-line matching in linear time; throws RegexRefused with a reason. */
export function compileLinearRegex(source: string): LinearRegex {
  const nfa = compile(parse(source));
  const size = nfa.test.length;
  return {
    test(text: string) {
      if ((text.length + 1) * Math.max(size, 1) > MAX_STEPS) return "gave-up";
      let current: number[] = [];
      let nextList: number[] = [];
      const seen = new Int32Array(size).fill(-1);
      let accepted = false;
      let gen = 0;
      // follows epsilon arrows from s, collecting character states into list (iteratively: no deep recursion)
      const addState = (list: number[], s0: number) => {
        const stack = [s0];
        while (stack.length) {
          const s = stack.pop()!;
          if (s === ACCEPT) {
            accepted = true;
            continue;
          }
          if (s < 0 || seen[s] === gen) continue;
          seen[s] = gen;
          if (nfa.test[s]) list.push(s);
          else {
            if (nfa.alt[s] !== -1) stack.push(nfa.alt[s]);
            stack.push(nfa.next[s]);
          }
        }
      };
      addState(current, nfa.start);
      for (let p = 0; p < text.length; p++) {
        if (current.length === 0) return false;
        gen++;
        accepted = false;
        const c = text.charCodeAt(p);
        nextList.length = 0;
        for (const s of current) if (nfa.test[s]!(c)) addState(nextList, nfa.next[s]);
        [current, nextList] = [nextList, current];
      }
      return accepted;
    },
  };
}
