// Mistakes in what the user asked for (a missing file, a directory where a lab was expected, a binary file) are not
// bugs: they become one line naming the file and what to do, and exit status 2, never a stack trace.

/** A problem with the user's input, shown as `hostlab: <message>`. */
export class LabInputError extends Error {
  override name = "LabInputError";
}

/** Exit status for bad input (missing or unreadable files), distinct from lint's 1 for "lab has errors". */
export const EXIT_BAD_INPUT = 2;

/** Runs a command's action; input errors and unexpected failures both end as one line on stderr and exit 2. */
export async function withFriendlyErrors(action: () => unknown): Promise<void> {
  try {
    await action();
  } catch (e) {
    const message = e instanceof LabInputError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)} (please report this)`;
    process.stderr.write(`hostlab: ${message}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}
