// How long the transcript matcher takes on a 10,000-line `ps -efZ` table whose every pid, MCS pair, start time and
// tty differs from the notes (the aim: under 50 ms). Two tables: a host running 500 containers of 20
// processes each (processes of a container share its MCS pair and its parent), and a worst case where every row
// brings three values never seen before (30,000 bindings). Plus the same table behind a `...`, and a failure.
import { availableParallelism, loadavg } from "node:os";
import { createTranscriptSession, matchTranscript } from "../checks/transcript/index.js";
import { report, timeMedian } from "./measure.js";

const ROWS = 10_000;
const HEADER = "LABEL                                                UID        PID  PPID  C STIME TTY          TIME CMD";

interface Host {
  pidBase: number;
  /** MCS pairs are drawn from a shifted sequence, so the two hosts never share a pair's meaning */
  shift: number;
  stime: string;
  tty: string;
}

function pair(n: number, shift: number): string {
  const a = (n * 7 + shift) % 1000;
  return `s0:c${a},c${1000 + ((n + shift) % 24)}`;
}

/** `perContainer` processes share a container's pair and parent; 1 makes every row's values new. */
function table(host: Host, perContainer: number): string {
  const rows = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const container = Math.floor(i / perContainer);
    const pid = host.pidBase + 2 * i;
    const ppid = perContainer === 1 ? pid - 1 : host.pidBase + 2 * ROWS + 2 * container + 1;
    rows.push(`system_u:system_r:container_t:${pair(container, host.shift)} root ${pid} ${ppid}  ${i % 3} ${host.stime} ${host.tty} 00:00:0${i % 10} sleep ${i % 50}`);
  }
  return rows.join("\n");
}

const notes: Host = { pidBase: 1000, shift: 0, stime: "20:23", tty: "pts/2" };
const run: Host = { pidBase: 100_000, shift: 3, stime: "07:05", tty: "?" };

// Wall-clock figures: on a shared machine they scale with its load, so the load is printed with them.
const load = `load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cpus`;

function bench(name: string, expected: string, actual: string, wantOk: boolean, note: string) {
  const check = matchTranscript(createTranscriptSession(), { command: "ps -efZ", expected, actual });
  if (check.ok !== wantOk) throw new Error(`${name}: expected ok=${wantOk}:\n${check.diff.slice(0, 2000)}`);
  return timeMedian(() => matchTranscript(createTranscriptSession(), { command: "ps -efZ", expected, actual })).then((ms) =>
    report(name, ms, "ms", `${note}; ${load}`),
  );
}

const hostNotes = table(notes, 20);
const hostRun = table(run, 20);
await bench("matcher ps -efZ 10k lines, 500 containers", hostNotes, hostRun, true, "median, fresh session, 11,000 bindings");
const worstNotes = table(notes, 1);
const worstRun = table(run, 1);
await bench("matcher ps -efZ 10k lines, all values new", worstNotes, worstRun, true, "median, fresh session, 30,000 bindings");
const dotted = [HEADER, "...", worstNotes.split("\n").at(-1)!].join("\n");
await bench("matcher ps -efZ 10k lines behind ...", dotted, worstRun, true, "median, header + ... + last row");
await bench("matcher ps -efZ 10k lines, one row differs", hostNotes, hostRun.replace("sleep 7\n", "sleep 8\n"), false, "median, includes the diff");

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
