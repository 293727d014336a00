// JUnit XML for grades: a <testsuite> per host, a <testcase> per check (see grade-outcomes.ts for the mapping).
import { gradesToOutcomes } from "./grade-outcomes.js";
import type { HostGrade } from "./grade-results.js";
import { toJUnit } from "./junit.js";

/** Renders grades as a JUnit XML document. */
export function gradesToJUnit(grades: HostGrade[]): string {
  return toJUnit(gradesToOutcomes(grades));
}
