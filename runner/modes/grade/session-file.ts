// A student's session as submitted for grading (`hostlab export <lab>` writes it): the commands they typed, with the
// seed and host profile their built-in host was booted with and the hash of the lab they followed. Nothing else.
// A session carries no state and no output: the grader replays the commands on a fresh host and looks for itself,
// so a student can submit commands, never a forged state or a forged "pass". Unknown fields are refused rather than
// ignored, so a file that claims more than commands is noticed.
import { readFileSync, statSync } from "node:fs";
import { z } from "zod";
import type { Progress } from "../../state/progress-store.js";

export const SESSION_FORMAT = "hostlab-session";
const MAX_SESSION_BYTES = 16 * 1024 * 1024;
const MAX_COMMANDS = 20_000;
const MAX_COMMAND_LENGTH = 64 * 1024;

const commandSchema = z.strictObject({
  /** index of the lab step the command was typed in */
  step: z.number().int().nonnegative().max(100_000),
  /** index of the lab's command it ran; absent when the student typed their own */
  commandIndex: z.number().int().nonnegative().max(100_000).optional(),
  command: z.string().max(MAX_COMMAND_LENGTH),
});

export const sessionFileSchema = z.strictObject({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(1),
  lab: z.strictObject({ id: z.string().min(1).max(200), hash: z.string().max(200) }),
  /** the built-in host's seed */
  seed: z.string().min(1).max(200),
  /** the built-in host's profile */
  host: z.enum(["rhel7", "rhel9"]),
  /** who submitted it, when the student or the course platform says */
  student: z.string().max(200).optional(),
  commands: z.array(commandSchema).max(MAX_COMMANDS),
  exportedAt: z.string().max(100).optional(),
});

export type SessionFile = z.infer<typeof sessionFileSchema>;

/** The session in saved progress, as `hostlab export` writes it: skipped commands left out (they never ran). */
export function sessionFromProgress(progress: Progress, now: Date = new Date()): SessionFile {
  return {
    format: SESSION_FORMAT,
    version: 1,
    lab: { id: progress.lab.id, hash: progress.lab.hash },
    seed: progress.seed,
    host: progress.host === "rhel7" ? "rhel7" : "rhel9",
    commands: progress.log
      .filter((e) => e.verdict !== "skipped")
      .map((e) => ({ step: e.step, ...(e.commandIndex !== undefined ? { commandIndex: e.commandIndex } : {}), command: e.command })),
    exportedAt: now.toISOString(),
  };
}

/** Reads and validates a session file; throws an Error whose message says what is wrong (shown per session). */
export function readSessionFile(path: string): SessionFile {
  let text: string;
  try {
    if (statSync(path).size > MAX_SESSION_BYTES) throw new Error("larger than 16 MiB; a session holds commands only");
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === "ENOENT" ? "no such file" : code ? `cannot read (${code})` : (e as Error).message);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`not JSON (${(e as Error).message})`);
  }
  const parsed = sessionFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    const what =
      issue.code === "unrecognized_keys"
        ? `unexpected field "${issue.keys[0]}": a session holds commands only (never state or output)`
        : issue.message;
    throw new Error(`not a hostlab session: ${where}${what}`);
  }
  return parsed.data;
}
