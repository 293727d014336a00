// TAP 14 for grades: a subtest per host, a test point per check (see grade-outcomes.ts for the mapping).
import { gradesToOutcomes } from "./grade-outcomes.js";
import type { HostGrade } from "./grade-results.js";
import { toTap } from "./tap.js";

/** Renders grades as a TAP 14 stream. */
export function gradesToTap(grades: HostGrade[]): string {
  return toTap(gradesToOutcomes(grades));
}
