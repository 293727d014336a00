// Values a rewritten line shares with the notes are written as the notes wrote them (ids, short ids, MCS levels,
// pids), so new lines keep the lab's bindings one-to-one.
import { describe, expect, it } from "vitest";
import { toNotesValues, type NotesBinding } from "../../../../runner/modes/test/notes-values.js";

const NOTES_ID = "3f1c9a2b7d5e4f6081a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708";
const RUN_ID = "d96221de792068c7f5fde4134bfaffee4637938959a2fc55cafc60b8e50bc705";
const bindings: NotesBinding[] = [
  { kind: "hexid", expected: NOTES_ID, actual: RUN_ID },
  { kind: "mcs", expected: "s0:c257,c298", actual: "s0:c5,c339" },
  { kind: "pid", expected: "4390", actual: "2312" },
  { kind: "number", expected: "12", actual: "19" },
];

describe("toNotesValues", () => {
  it("writes a run id, and its short form, as the notes' id", () => {
    expect(toNotesValues(`d96221de7920  web  Up`, bindings)).toBe("3f1c9a2b7d5e  web  Up");
    expect(toNotesValues(`libpod-${RUN_ID}.scope`, bindings)).toBe(`libpod-${NOTES_ID}.scope`);
  });

  it("writes MCS levels and pids as the notes', whole tokens only", () => {
    expect(toNotesValues("system_u:system_r:container_t:s0:c5,c339 root 2312 1 sleep", bindings)).toBe(
      "system_u:system_r:container_t:s0:c257,c298 root 4390 1 sleep",
    );
    expect(toNotesValues("port 23120 and 12312", bindings)).toBe("port 23120 and 12312");
  });

  it("leaves short numbers and unbound values alone", () => {
    expect(toNotesValues("19 processes, id 0123456789ab", bindings)).toBe("19 processes, id 0123456789ab");
    expect(toNotesValues("nothing bound", [])).toBe("nothing bound");
  });
});
