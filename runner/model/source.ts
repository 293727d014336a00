// Where something came from in a lab file, and the located problems hostlab reports about it.
// Lines and columns are 1-based, as editors and compilers print them (`file:line:col`), so a diagnostic can be
// pasted straight into an editor's "go to" prompt.

/** A position in the lab's Markdown source. */
export interface SourcePos {
  /** 1-based line in the whole file, front matter included. */
  line: number;
  /** 1-based column (in UTF-16 code units, as JavaScript strings count them). */
  column: number;
}

export type Severity = "error" | "warning";

/** A suggested change that would fix a diagnostic, placed where the author should make it. */
export interface Fix extends SourcePos {
  /** What to do, in words an author can follow, e.g. "add `file=labs/x.json` to this block's info string". */
  message: string;
}

/** One located problem in a lab. Errors make `hostlab lint` exit 1; warnings do not. */
export interface Diagnostic extends SourcePos {
  /** The file as the user named it. */
  file: string;
  severity: Severity;
  /** The lint rule (or parse stage) that found it, e.g. `missing-file`; stable, for `--json` consumers. */
  rule: string;
  message: string;
  fix?: Fix;
}
