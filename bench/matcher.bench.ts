// How long the transcript matcher takes on a 10,000-line `ps -efZ` table whose every pid, MCS pair, start time
// and tty differs from the notes (the aim: under 50 ms), and on the same table behind a `...`.
import { availableParallelism, loadavg } from "node:os";
import { createTranscriptSession, matchTranscript } from "../checks/transcript/index.js";
import { report, timeMedian } from "./measure.js";

const ROWS = 10_000;

function pair(i: number, shift: number): string {
  const a = (i * 7 + shift) % 1000;
  const b = 1000 + ((i + shift) % 24);
  return `s0:c${a},c${b}`;
}

function table(pidBase: number, shift: number, stime: string, tty: string): string {
  const rows = ["LABEL                                                UID        PID  PPID  C STIME TTY          TIME CMD"];
  for (let i = 0; i < ROWS; i++) {
    const pid = pidBase + 2 * i;
    rows.push(`system_u:system_r:container_t:${pair(i, shift)} root ${pid} ${pid - 1}  ${i % 3} ${stime} ${tty} 00:00:0${i % 10} sleep ${i % 50}`);
  }
  return rows.join("\n");
}

const expected = table(1000, 0, "20:23", "pts/2");
const actual = table(100_000, 3, "07:05", "?");
const dotted = ["LABEL                                                UID        PID  PPID  C STIME TTY          TIME CMD", "...", expected.split("\n").at(-1)!].join("\n");

const check = matchTranscript(createTranscriptSession(), { command: "ps -efZ", expected, actual });
if (!check.ok) throw new Error(`bench input does not match:\n${check.diff.slice(0, 2000)}`);

// Wall-clock figures: on a shared machine they scale with its load, so the load is printed with them.
const load = `load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cpus`;

const ms = await timeMedian(() => matchTranscript(createTranscriptSession(), { command: "ps -efZ", expected, actual }));
report("matcher ps -efZ 10k lines", ms, "ms", `median, fresh session, 30,000 values bound; ${load}`);

const msDots = await timeMedian(() =>
  matchTranscript(createTranscriptSession(), { command: "ps -efZ", expected: dotted, actual }),
);
report("matcher ps -efZ 10k lines behind ...", msDots, "ms", `median, header + ... + last row; ${load}`);

const miss = actual.replace("sleep 7\n", "sleep 8\n");
const msMiss = await timeMedian(() => matchTranscript(createTranscriptSession(), { command: "ps -efZ", expected, actual: miss }));
report("matcher ps -efZ 10k lines, one row differs", msMiss, "ms", `median, includes rendering the diff; ${load}`);

// A fixed workload of the same kind (string keys into Maps, short strings cut from lines), to tell a slow matcher
// from a busy machine: compare the figures above with this one across runs.
const keys = Array.from({ length: 30_000 }, (_, i) => `row ${100_000 + i} s0:c${i % 1000},c${1000 + (i % 24)}`);
const msReference = await timeMedian(() => {
  const m = new Map<string, number>();
  for (const k of keys) {
    const v = k.slice(4, 10);
    if (!m.has(v)) m.set(v, k.length);
  }
  return m.size;
});
report("reference: 30k Map inserts of sliced strings", msReference, "ms", `machine speed; ${load}`);
