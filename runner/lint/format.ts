// How diagnostics are printed: the `file:line:col: severity: message` line compilers use (editors and CI annotate
// from it), then a `note:` line at the fix's own position when there is one, as gcc prints notes.
import type { Diagnostic } from "../model/source.js";

/** One diagnostic as text lines (no colour). */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
  return d.fix ? `${head}\n${d.file}:${d.fix.line}:${d.fix.column}: note: ${d.fix.message}` : head;
}

/** "2 errors, 1 warning in 3 files". */
export function summarise(diagnostics: readonly Diagnostic[], files: number): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")}`;
}
