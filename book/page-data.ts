// What a lab page hands its terminal: everything the in-browser host needs to play the lab as the build did (seed,
// profile, files, setup) and the step's checks, already parsed. It is written into the page as a JSON literal
// (`window.HOSTLAB_LAB`), because a page opened from file:// cannot fetch() a JSON file next to it.
import type { Check } from "../checks/check.js";

/** The global a lab page sets before loading terminal.js. */
export const PAGE_DATA_GLOBAL = "HOSTLAB_LAB";

export interface PageFile {
  path: string;
  content: string;
}

export interface PageStep {
  title: string;
  /** `file=` blocks of the step, written when the terminal boots (a reader may start at any step). */
  files: PageFile[];
  /** The step's checks a student sees; hidden ones never reach the page. */
  checks: Check[];
}

export interface LabPageData {
  id: string;
  title: string;
  /** The lab file's hash: saved progress from another version of the lab is not replayed onto this one. */
  hash: string;
  seed: number;
  profile: string;
  /** Front matter `files`, written before anything runs. */
  files: PageFile[];
  /** Front matter `setup`, run silently at boot. */
  setup: string[];
  steps: PageStep[];
}

/** The data as a `<script>` body: `</script>` and friends inside strings cannot close the element. */
export function pageDataScript(data: LabPageData): string {
  const json = JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return `window.${PAGE_DATA_GLOBAL} = ${json};`;
}
