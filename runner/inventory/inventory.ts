// The class to grade: which hosts, whose they are, and how to log in. An inventory file is either plain lines —
//
//     # room 2, morning group
//     student@lab01.example.edu
//     root@10.0.0.12:2222   alice        ← an optional second word names the student
//
// — or YAML, a list of mappings (the shape course platforms export):
//
//     - { student: alice, host: lab01.example.edu, user: student, port: 22, identity: ~/.ssh/course_ed25519 }
//
// Every entry keeps its position (`index`): reports are ordered by it and `--shard` slices by it, so the order of
// the file is the order of the class. Mistakes are reported as `file:line: what is wrong`, never as a crash.
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, resolve } from "node:path";
import { isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { LabInputError } from "../labs/errors.js";
import { describeFsError } from "../labs/load.js";
import { formatDestination, parseDestination, type Destination } from "../targets/ssh/destination.js";

/** One host to grade. */
export type HostEntry =
  | { kind: "ssh"; index: number; key: string; student: string; destination: Destination; identity?: string }
  | { kind: "local"; index: number; key: "local"; student: string };

const MAX_INVENTORY_BYTES = 16 * 1024 * 1024;
const MAX_HOSTS = 100_000;
const STUDENT = /^[^\x00-\x1f\x7f]{1,200}$/;

const yamlEntrySchema = z.strictObject({
  student: z.string().regex(STUDENT, "a student is a name on one line (up to 200 characters)").optional(),
  host: z.string().min(1),
  user: z.string().optional(),
  port: z.number().int().min(1).max(65535).optional(),
  identity: z.string().min(1).optional(),
});

/** Reads an inventory file (plain lines or YAML). */
export function readInventory(file: string): HostEntry[] {
  let text: string;
  try {
    if (statSync(file).size > MAX_INVENTORY_BYTES) throw new LabInputError(`${file}: too large for an inventory (over 16 MiB)`);
    text = readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof LabInputError) throw e;
    throw new LabInputError(describeFsError(file, e).replace(/, or run `hostlab list`.*$/, ""));
  }
  // A relative `identity` is read from the inventory's folder, as a course repository ships keys beside it.
  return parseInventory(text, file).map((e) => (e.kind === "ssh" && e.identity && !isAbsolute(e.identity) ? { ...e, identity: resolve(dirname(file), e.identity) } : e));
}

/** Parses an inventory's text; `file` names it in error messages. */
export function parseInventory(text: string, file: string): HostEntry[] {
  if (text.includes("\u0000")) throw new LabInputError(`${file}: not a text file (it contains NUL bytes)`);
  const firstLine = text.split("\n").find((l) => l.trim() && !l.trim().startsWith("#"))?.trim() ?? "";
  const entries = firstLine.startsWith("-") || firstLine.startsWith("[") ? parseYamlInventory(text, file) : parseLines(text, file);
  if (entries.length === 0) throw new LabInputError(`${file}: no hosts in the inventory (one [user@]host[:port] per line)`);
  if (entries.length > MAX_HOSTS) throw new LabInputError(`${file}: ${entries.length} hosts; split the class into inventories of at most ${MAX_HOSTS}`);
  return entries;
}

function parseLines(text: string, file: string): HostEntry[] {
  const entries: HostEntry[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s#.*$/, "").trim();
    if (!line || line.startsWith("#")) return;
    const [where, ...rest] = line.split(/\s+/);
    const student = rest.join(" ");
    const entry = toEntry(where, student || undefined, {}, entries.length, `${file}:${i + 1}`);
    checkUnique(seen, entry, `${file}:${i + 1}`);
    entries.push(entry);
  });
  return entries;
}

function parseYamlInventory(text: string, file: string): HostEntry[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => lc.linePos(offset ?? 0).line;
  if (doc.errors.length) throw new LabInputError(`${file}:${lineOf(doc.errors[0].pos[0])}: YAML: ${doc.errors[0].message.split("\n")[0]}`);
  if (!isSeq(doc.contents)) throw new LabInputError(`${file}:1: a YAML inventory is a list of hosts (- student: …, host: …)`);
  const items = doc.contents.items;
  const values = doc.toJS({ maxAliasCount: 100 }) as unknown[];
  const entries: HostEntry[] = [];
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    const at = `${file}:${lineOf((items[i] as unknown as { range?: [number] } | undefined)?.range?.[0])}`;
    const parsed = yamlEntrySchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.length ? `${issue.path.join(".")}: ` : "";
      const what = issue.code === "unrecognized_keys" ? `unknown field "${issue.keys[0]}" (known: student, host, user, port, identity)` : issue.message;
      throw new LabInputError(`${at}: ${field}${what}`);
    }
    const { host, user, port, student, identity } = parsed.data;
    const entry = toEntry(host, student, { user, port, identity }, entries.length, at);
    checkUnique(seen, entry, at);
    entries.push(entry);
  });
  return entries;
}

/** A host named on the command line (`--target`): `local`, or an ssh destination. */
export function targetEntry(text: string, index: number): HostEntry {
  return toEntry(text, undefined, {}, index, `--target ${text}`);
}

function toEntry(
  where: string,
  student: string | undefined,
  extra: { user?: string; port?: number; identity?: string },
  index: number,
  at: string,
): HostEntry {
  if (where === "local") return { kind: "local", index, key: "local", student: student ?? "local" };
  let destination: Destination;
  try {
    destination = parseDestination(where);
  } catch (e) {
    throw new LabInputError(`${at}: ${(e as Error).message}`);
  }
  if (extra.user) {
    try {
      destination = { ...destination, user: parseDestination(`${extra.user}@x`).user };
    } catch {
      throw new LabInputError(`${at}: "${extra.user}" is not a user name`);
    }
  }
  if (extra.port) destination = { ...destination, port: extra.port };
  if (student !== undefined && !STUDENT.test(student)) throw new LabInputError(`${at}: the student name must be one line of up to 200 characters`);
  const key = formatDestination(destination);
  const identity = extra.identity?.startsWith("~/") ? homedir() + extra.identity.slice(1) : extra.identity;
  return { kind: "ssh", index, key, student: student ?? key, destination, ...(identity ? { identity } : {}) };
}

function checkUnique(seen: Map<string, number>, entry: HostEntry, at: string): void {
  const before = seen.get(entry.key);
  if (before !== undefined) throw new LabInputError(`${at}: ${entry.key} is listed twice (first as host ${before + 1}); each host is graded once`);
  seen.set(entry.key, entry.index);
}
