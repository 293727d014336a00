// A student's progress through one lab, saved after every command so that killing hostlab at any moment loses at
// most the command that was running. The built-in host is not saved: it is rebuilt by replaying the command log on a
// fresh host with the same seed and profile, which the engine guarantees to be deterministic.
//
// A state file that cannot be read is never dropped: it is moved aside (`<name>.corrupt-<time>.json`) and the caller
// is told where, so the student can send it to us and start over without losing the evidence.
import { readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "./atomic-write.js";

export const PROGRESS_VERSION = 1;

const verdictSchema = z.enum(["pass", "fail", "skipped", "not-checked"]);

const logEntrySchema = z.object({
  /** Index of the step the command belongs to. */
  step: z.number().int().nonnegative(),
  /** Index of the lab's command it ran, or absent when the student typed their own. */
  commandIndex: z.number().int().nonnegative().optional(),
  command: z.string(),
  exitCode: z.number().int(),
  verdict: verdictSchema,
});

const checkEntrySchema = z.object({
  step: z.number().int().nonnegative(),
  id: z.string(),
  status: z.enum(["pass", "fail", "skipped", "not-applicable", "error"]),
  points: z.number(),
  maxPoints: z.number(),
});

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  lab: z.object({ id: z.string(), path: z.string(), hash: z.string() }),
  seed: z.string(),
  host: z.string(),
  target: z.string(),
  /** The step the student is on; equal to the number of steps once the lab is finished. */
  step: z.number().int().nonnegative(),
  /** The next command of that step to offer. */
  commandIndex: z.number().int().nonnegative(),
  log: z.array(logEntrySchema),
  checks: z.array(checkEntrySchema),
  startedAt: z.string(),
  updatedAt: z.string(),
  /** Time spent with the lab open, summed over sittings (milliseconds); absent in files from before it existed. */
  activeMs: z.number().nonnegative().optional(),
  finishedAt: z.string().optional(),
});

export type Progress = z.infer<typeof progressSchema>;
export type LogEntry = z.infer<typeof logEntrySchema>;

export type LoadResult =
  | { kind: "none" }
  | { kind: "loaded"; progress: Progress }
  | { kind: "corrupt"; movedTo: string; reason: string };

/** The file that holds the progress of one lab. Lab ids are file-name safe by construction; others are escaped. */
export function progressPath(dir: string, labId: string): string {
  return join(dir, "sessions", `${labId.replace(/[^A-Za-z0-9._-]/g, "_")}.json`);
}

/** Reads saved progress; a missing file is "none", an unreadable one is moved aside and reported. */
export async function loadProgress(path: string, now: () => Date = () => new Date()): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "none" };
    throw error;
  }
  let reason: string;
  try {
    const parsed = progressSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { kind: "loaded", progress: parsed.data };
    const issue = parsed.error.issues[0];
    reason = `${issue.path.join(".") || "(top)"}: ${issue.message}`;
  } catch (error) {
    reason = `not JSON (${(error as Error).message})`;
  }
  const stamp = now().toISOString().replace(/[:.]/g, "-");
  const movedTo = path.replace(/\.json$/, "") + `.corrupt-${stamp}.json`;
  await rename(path, movedTo);
  return { kind: "corrupt", movedTo, reason };
}

/** Saves progress atomically: after a crash the file holds either the previous save or this one. */
export async function saveProgress(path: string, progress: Progress): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(progressSchema.parse(progress), null, 2) + "\n");
}
