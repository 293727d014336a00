// Bindings: what makes a shaped match honest. A value in the notes stands for one value in the run, for the whole
// lab session, and two different values in the notes stand for two different values in the run (one-to-one both
// ways). So the two containers of the notes, with MCS levels s0:c257,c298 and s0:c138,c506, must have two different
// levels in the run, and the id `podman run -d` printed must be the one `podman ps` shows later.
//
// Hex ids also keep their prefix relation: podman and docker print a container's 64-hex id and its 12-hex
// abbreviation (ps, the nested prompt `[root@<short id> /]#`), and an abbreviation of a full id in the notes must
// be the abbreviation of its full id in the run — whichever of the two was learned first, and in both directions.
//
// Binding is transactional: a match binds into a scratch table layered over the session's table, marks and rolls
// back while it searches, and its bindings reach the session only when the whole transcript matched.

import type { BoundKind } from "./shapes.js";

export interface Binding {
  kind: BoundKind;
  expected: string;
  actual: string;
}

// Every hex id is at least this long (shapes.ts), so an id and any prefix of it share their first characters.
const HEX_BUCKET = 8;

interface Side {
  /** value on this side → value on the other side, per kind */
  to: Map<string, Map<string, string>>;
  /** hex ids on this side by their first HEX_BUCKET characters, for the prefix rule */
  hexBuckets: Map<string, Set<string>>;
}

function emptySide(): Side {
  return { to: new Map(), hexBuckets: new Map() };
}

/** A position in a table's history to roll back to. */
export interface Mark {
  log: number;
  used: number;
}

/** A table of bindings; a scratch table has a parent (the session's) that it reads through and commits into. */
export class BindingTable {
  private readonly fwd = emptySide();
  private readonly rev = emptySide();
  /** bindings added here, in order, so a failed attempt can be undone */
  private readonly log: Binding[] = [];
  /** bindings this match relied on (new or inherited), for the report */
  private readonly usedList: Binding[] = [];

  constructor(private readonly parent?: BindingTable) {}

  /** The value `value` on one side is bound to, if any (here or in the parent). */
  lookup(kind: BoundKind, value: string, side: "expected" | "actual"): string | undefined {
    const own = (side === "expected" ? this.fwd : this.rev).to.get(kind)?.get(value);
    return own ?? this.parent?.lookup(kind, value, side);
  }

  private *bucket(side: "expected" | "actual", value: string): Iterable<string> {
    const key = value.slice(0, HEX_BUCKET);
    yield* (side === "expected" ? this.fwd : this.rev).hexBuckets.get(key) ?? [];
    if (this.parent) yield* this.parent.bucket(side, value);
  }

  /** Binds expected ↦ actual, or explains why that would break one-to-one or the prefix rule. */
  bind(kind: BoundKind, expected: string, actual: string): string | undefined {
    const known = this.lookup(kind, expected, "expected");
    if (known !== undefined) {
      if (known !== actual) return `${kind} ${expected} is already ${known} in this run, not ${actual}`;
      this.usedList.push({ kind, expected, actual });
      return undefined;
    }
    const owner = this.lookup(kind, actual, "actual");
    if (owner !== undefined) return `${kind} ${actual} already stands for ${owner}, so it cannot also stand for ${expected}`;
    if (kind === "hexid") {
      const why = this.prefixConflict(expected, actual);
      if (why) return why;
    }
    this.add(this.fwd, kind, expected, actual);
    this.add(this.rev, kind, actual, expected);
    const b = { kind, expected, actual };
    this.log.push(b);
    this.usedList.push(b);
    return undefined;
  }

  private prefixConflict(expected: string, actual: string): string | undefined {
    for (const e of this.bucket("expected", expected)) {
      if (e === expected || !(e.startsWith(expected) || expected.startsWith(e))) continue;
      const a = this.lookup("hexid", e, "expected")!;
      const ok = e.startsWith(expected) ? a.startsWith(actual) : actual.startsWith(a);
      if (!ok) return `hexid ${expected} abbreviates or extends ${e} (= ${a} in this run), but ${actual} does not`;
    }
    for (const a of this.bucket("actual", actual)) {
      if (a === actual || !(a.startsWith(actual) || actual.startsWith(a))) continue;
      const e = this.lookup("hexid", a, "actual")!;
      const ok = a.startsWith(actual) ? e.startsWith(expected) : expected.startsWith(e);
      if (!ok) return `hexid ${actual} in this run abbreviates or extends ${a} (which stands for ${e}), but ${expected} does not`;
    }
    return undefined;
  }

  private add(side: Side, kind: BoundKind, from: string, to: string): void {
    let m = side.to.get(kind);
    if (!m) side.to.set(kind, (m = new Map()));
    m.set(from, to);
    if (kind === "hexid") {
      const key = from.slice(0, HEX_BUCKET);
      let s = side.hexBuckets.get(key);
      if (!s) side.hexBuckets.set(key, (s = new Set()));
      s.add(from);
    }
  }

  private remove(side: Side, kind: BoundKind, from: string): void {
    side.to.get(kind)?.delete(from);
    if (kind === "hexid") side.hexBuckets.get(from.slice(0, HEX_BUCKET))?.delete(from);
  }

  /** The current position, to come back to with rollback(). */
  mark(): Mark {
    return { log: this.log.length, used: this.usedList.length };
  }

  /** Undoes every binding made since `mark`. */
  rollback(mark: Mark): void {
    while (this.log.length > mark.log) {
      const b = this.log.pop()!;
      this.remove(this.fwd, b.kind, b.expected);
      this.remove(this.rev, b.kind, b.actual);
    }
    this.usedList.length = Math.min(this.usedList.length, mark.used);
  }

  /** Moves this table's own bindings into its parent (the session), once the whole match succeeded. */
  commit(): void {
    if (!this.parent) return;
    for (const b of this.log) {
      this.parent.add(this.parent.fwd, b.kind, b.expected, b.actual);
      this.parent.add(this.parent.rev, b.kind, b.actual, b.expected);
      this.parent.log.push(b);
    }
    this.log.length = 0;
  }

  /** Bindings this match learned or relied on, each once, in the order first met. */
  used(): Binding[] {
    const seen = new Set<string>();
    const out: Binding[] = [];
    for (const b of this.usedList) {
      const key = `${b.kind}\u0000${b.expected}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(b);
    }
    return out;
  }

  /** Every binding of this table and its parent. */
  all(): Binding[] {
    return [...(this.parent?.all() ?? []), ...this.log];
  }
}

/** Binds every value without any check: used to draw a diff, where only a line's shape matters. */
export class LenientTable extends BindingTable {
  override bind(): string | undefined {
    return undefined;
  }
}
