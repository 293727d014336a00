// `hostlab run`'s options, checked before anything starts: a wrong value is one sentence and exit status 2, not a
// half-started lab.
import { HOST_PROFILES } from "../../model/front-matter.js";
import { LabInputError } from "../../labs/errors.js";

/** Options as commander hands them over. */
export interface RunFlags {
  yes?: boolean;
  restart?: boolean;
  seed?: string;
  host?: string;
  target?: string;
  /** false with --no-color. */
  color?: boolean;
}

export interface RunSettings {
  yes: boolean;
  restart: boolean;
  seed?: string;
  host?: string;
  target?: "builtin" | "local";
  color: boolean;
}

export const TARGETS = ["builtin", "local"] as const;

/** Validates flags; `env` decides colour (NO_COLOR, https://no-color.org: present and not empty). */
export function readRunFlags(flags: RunFlags, env: NodeJS.ProcessEnv = process.env): RunSettings {
  if (flags.seed !== undefined && !/^\S{1,64}$/.test(flags.seed)) {
    throw new LabInputError(`--seed ${JSON.stringify(flags.seed)}: give a number or a short word without spaces`);
  }
  if (flags.host !== undefined && !(HOST_PROFILES as readonly string[]).includes(flags.host)) {
    throw new LabInputError(`--host ${flags.host}: unknown host profile; choose one of ${HOST_PROFILES.join(", ")}`);
  }
  if (flags.target !== undefined && !(TARGETS as readonly string[]).includes(flags.target)) {
    const later = flags.target.startsWith("ssh://") ? " (ssh targets come later)" : "";
    throw new LabInputError(`--target ${flags.target}: unknown target${later}; choose one of ${TARGETS.join(", ")}`);
  }
  if (flags.target === "local" && flags.host !== undefined) {
    throw new LabInputError("--host picks a built-in host profile; it means nothing with --target local");
  }
  return {
    yes: flags.yes === true,
    restart: flags.restart === true,
    seed: flags.seed,
    host: flags.host,
    target: flags.target as RunSettings["target"],
    color: flags.color !== false && !env.NO_COLOR,
  };
}
