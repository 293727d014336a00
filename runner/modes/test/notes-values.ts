// Output written into the notes by `--update` must speak the notes' language. The notes of a lab were usually taken
// on a real host: the container `podman run -d` started there had id 3f1c9a2b7d5e…, and the matcher has bound that
// id to the one this run printed (d96221de7920…). A new line copied from the run as is would name d96221de7920 — a
// second notes value for the same run value, which the matcher rightly refuses (bindings are one-to-one). So values
// the run shares with the notes are written back as the notes wrote them: ids (and their short forms), UUIDs, MCS
// levels, addresses, pids and other long numbers. Values the notes never showed stay as the run printed them.

/** A notes value and the run value it stands for (checks/transcript's bindings). */
export interface NotesBinding {
  kind: string;
  expected: string;
  actual: string;
}

// Shorter numbers are too likely to be some other figure (a count, a percentage) to be rewritten on sight.
const MIN_NUMBER_LENGTH = 3;
const HEX = /^[0-9a-f]+$/;

/** `line` from the run, with every value bound to a notes value replaced by that notes value. */
export function toNotesValues(line: string, bindings: readonly NotesBinding[]): string {
  const exact = new Map<string, string>();
  const hexIds: Array<{ actual: string; expected: string }> = [];
  for (const b of bindings) {
    if (b.actual === b.expected || b.kind === "name" || b.kind === "time" || b.kind === "date") continue;
    if (b.kind === "hexid" && HEX.test(b.actual)) hexIds.push({ actual: b.actual, expected: b.expected });
    else if (!/^(number|pid|inode)$/.test(b.kind) || b.actual.length >= MIN_NUMBER_LENGTH) exact.set(b.actual, b.expected);
  }
  if (exact.size === 0 && hexIds.length === 0) return line;
  const values = [...exact.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const alternatives = [...values, ...(hexIds.length ? ["[0-9a-f]{8,64}"] : [])];
  // Whole tokens only: a value is not the middle of a longer word or number.
  const token = new RegExp(`(?<![\\w])(?:${alternatives.join("|")})(?![\\w])`, "g");
  return line.replace(token, (found) => exact.get(found) ?? notesHexId(found, hexIds) ?? found);
}

// A run id, or a prefix of one (the 12-hex short id of a 64-hex id), as the notes wrote it.
function notesHexId(found: string, hexIds: ReadonlyArray<{ actual: string; expected: string }>): string | undefined {
  for (const { actual, expected } of hexIds) {
    if (actual === found) return expected;
    if (actual.startsWith(found) && expected.length >= found.length) return expected.slice(0, found.length);
  }
  return undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
