// The front matter a lab may start with (YAML between `---` lines). Every key is optional: a student's plain notes
// are a valid lab. Unknown keys are rejected so a typo (`tittle:`) is reported instead of silently ignored.
import { z } from "zod";

/** Built-in host profiles: which era of RHEL the simulated host imitates (formats of `ls -Z`, podman version …). */
export const HOST_PROFILES = ["rhel7", "rhel9"] as const;

export const DIFFICULTIES = ["beginner", "intermediate", "advanced"] as const;

/** "30m", "1h", "1h30m", "45 min", or a bare number of minutes. */
const DURATION = /^\s*(\d+\s*(h|hr|hours?)\s*)?(\d+\s*(m|min|mins|minutes?)\s*)?$/;

export const labMetaSchema = z.strictObject({
  /** Stable name used by `hostlab run <id>`; defaults to the file name. */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, "use lower-case letters, digits, '.', '_' and '-'").optional(),
  title: z.string().min(1).optional(),
  /** One or two sentences for `hostlab list` and the book's index. */
  summary: z.string().optional(),
  duration: z
    .union([
      z.number().int().positive(),
      z.string().regex(DURATION, 'write a duration like "30m", "1h" or "1h30m"').refine((s) => /\d/.test(s), {
        message: 'write a duration like "30m", "1h" or "1h30m"',
      }),
    ])
    .optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  tags: z.array(z.string()).optional(),
  /** Capabilities the target must have, e.g. podman, docker, selinux. */
  requires: z.array(z.string()).optional(),
  /** The built-in host's profile. */
  host: z.enum(HOST_PROFILES).optional(),
  /** Fixes ids, pids, MCS pairs and the clock of the built-in host. */
  seed: z.union([z.number().int(), z.string()]).optional(),
  /** Files created on the target before the lab starts: path → content. */
  files: z.record(z.string(), z.string()).optional(),
  /** Commands run silently before the first step. */
  setup: z.array(z.string()).optional(),
});

export type LabMeta = z.infer<typeof labMetaSchema>;

/** Minutes in a front matter duration ("1h30m" → 90), or null when absent. */
export function durationMinutes(duration: LabMeta["duration"]): number | null {
  if (duration === undefined) return null;
  if (typeof duration === "number") return duration;
  const h = /(\d+)\s*h/.exec(duration);
  const m = /(\d+)\s*m/.exec(duration);
  return (h ? Number(h[1]) * 60 : 0) + (m ? Number(m[1]) : 0);
}
