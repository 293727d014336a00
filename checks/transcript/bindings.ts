// Bindings: what makes a shaped match honest. A value in the notes stands for one value in the run, for the whole
// lab session, and two different values in the notes stand for two different values in the run (one-to-one both
// ways). So the two containers of the notes, with MCS levels s0:c257,c298 and s0:c138,c506, must have two different
// levels in the run, and the id `podman run -d` printed must be the one `podman ps` shows later.
//
// Hex ids also keep their prefix relation: podman and docker print a container's 64-hex id and its 12-hex
// abbreviation (ps, the nested prompt `[root@<short id> /]#`), and an abbreviation of a full id in the notes must
// be the abbreviation of its full id in the run — whichever of the two was learned first, and in both directions.
//
// Binding is transactional: a match opens a transaction on the session's table (begin), binds, marks and rolls
// back while it searches, and either keeps its bindings (the whole transcript matched) or rolls back to where it
// began, so a failed match leaves the session exactly as it found it. (One table with an undo journal rather than
// a scratch table over the session's: every lookup is one map read, which keeps a 10,000-line table fast.)

import type { BoundKind } from "./shapes.js";

export interface Binding {
  readonly kind: BoundKind;
  readonly expected: string;
  readonly actual: string;
}

// Every hex id is at least this long (shapes.ts), so an id and any prefix of it share their first characters.
const HEX_BUCKET = 8;

interface Side {
  /** per kind: value on this side → the binding */
  byValue: Record<BoundKind, Map<string, Binding>>;
  /** hex ids on this side by their first HEX_BUCKET characters, for the prefix rule */
  hexBuckets: Map<string, Set<string>>;
}

const KINDS: readonly BoundKind[] = ["hexid", "uuid", "mcs", "ip", "mac", "linkid", "number", "pid", "inode", "name"];

function emptySide(): Side {
  const byValue = {} as Record<BoundKind, Map<string, Binding>>;
  for (const k of KINDS) byValue[k] = new Map();
  return { byValue, hexBuckets: new Map() };
}

function addTo(side: Side, kind: BoundKind, value: string, b: Binding): void {
  side.byValue[kind].set(value, b);
  if (kind === "hexid") {
    const key = value.slice(0, HEX_BUCKET);
    let set = side.hexBuckets.get(key);
    if (!set) side.hexBuckets.set(key, (set = new Set()));
    set.add(value);
  }
}

function removeFrom(side: Side, kind: BoundKind, value: string): void {
  side.byValue[kind].delete(value);
  if (kind === "hexid") side.hexBuckets.get(value.slice(0, HEX_BUCKET))?.delete(value);
}

/** A position in a table's history to roll back to (a count of bindings used so far, never reset). */
export type Mark = number;

/** The session's bindings, with an undo journal for the match in progress. */
export class BindingTable {
  private readonly fwd = emptySide();
  private readonly rev = emptySide();
  /** every binding added, in order, so an attempt can be undone */
  private readonly log: Binding[] = [];
  /** for each entry of log, the use count just before it was added */
  private readonly logAt: number[] = [];
  /** bindings the match in progress relied on (new or known), for its report */
  private readonly usedList: Binding[] = [];
  /** uses counted before the match in progress began */
  private usedBase = 0;

  /** Starts a match: its uses are counted from here; returns the mark to roll back to if it fails. */
  begin(): Mark {
    this.usedBase += this.usedList.length;
    this.usedList.length = 0;
    return this.usedBase;
  }

  private find(side: Side, kind: BoundKind, value: string): Binding | undefined {
    return side.byValue[kind].get(value);
  }

  /** The value `value` on one side is bound to, if any. */
  lookup(kind: BoundKind, value: string, side: "expected" | "actual"): string | undefined {
    const b = this.find(side === "expected" ? this.fwd : this.rev, kind, value);
    return b && (side === "expected" ? b.actual : b.expected);
  }

  private bucket(side: "expected" | "actual", value: string): Iterable<string> {
    return (side === "expected" ? this.fwd : this.rev).hexBuckets.get(value.slice(0, HEX_BUCKET)) ?? [];
  }

  /** Binds expected ↦ actual, or explains why that would break one-to-one or the prefix rule. */
  bind(kind: BoundKind, expected: string, actual: string): string | undefined {
    const known = this.find(this.fwd, kind, expected);
    if (known !== undefined) {
      if (known.actual !== actual) return `${kind} ${expected} is already ${known.actual} in this run, not ${actual}`;
      this.usedList.push(known);
      return undefined;
    }
    const owner = this.find(this.rev, kind, actual);
    if (owner !== undefined) return `${kind} ${actual} already stands for ${owner.expected}, so it cannot also stand for ${expected}`;
    if (kind === "hexid") {
      const why = this.prefixConflict(expected, actual);
      if (why) return why;
    }
    const b: Binding = { kind, expected, actual }; // shared with reports: readonly by type
    addTo(this.fwd, kind, expected, b);
    addTo(this.rev, kind, actual, b);
    this.log.push(b);
    this.logAt.push(this.mark());
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

  /** The current position, to come back to with rollback(). */
  mark(): Mark {
    return this.usedBase + this.usedList.length;
  }

  /** Undoes every binding made since `mark`. */
  rollback(mark: Mark): void {
    while (this.log.length && this.logAt[this.logAt.length - 1] >= mark) {
      const b = this.log.pop()!;
      this.logAt.pop();
      removeFrom(this.fwd, b.kind, b.expected);
      removeFrom(this.rev, b.kind, b.actual);
    }
    const keep = Math.max(0, mark - this.usedBase);
    if (this.usedList.length > keep) this.usedList.length = keep;
  }

  /** Bindings the match in progress learned or relied on, each once, in the order first met. */
  used(): Binding[] {
    return [...new Set(this.usedList)];
  }

  /** Every binding in the table, oldest first. */
  all(): Binding[] {
    return [...this.log];
  }
}

/** Binds every value without any check: used to draw a diff, where only a line's shape matters. */
export class LenientTable extends BindingTable {
  override bind(): string | undefined {
    return undefined;
  }
}
