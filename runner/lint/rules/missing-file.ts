// A command that needs a file nobody created fails on every host. The file may come from front matter `files:`,
// a `file=` block in the same or an earlier step (written before its step runs), or an earlier command that writes
// it. When a snippet just above looks like the file (the seed notes paste the seccomp JSON right above the
// `podman run` that uses it), the fix is to declare that snippet as the file.
import type { Command, Snippet } from "../../model/lab.js";
import type { Diagnostic } from "../../model/source.js";
import { walkBlocks, walkEntries } from "../../model/walk.js";
import { locateInCommand } from "../../parse/console/transcript.js";
import { fileCreations, fileUses, normalisePath } from "../file-references.js";
import type { LintRule } from "../rule.js";

export const missingFile: LintRule = {
  name: "missing-file",
  description: "a command uses a file (seccomp profile, env file, Containerfile …) that no step creates",
  run(lab) {
    const out: Diagnostic[] = [];
    // Files written before a step runs: front matter (step −1, before everything) and file= blocks by step.
    const declared = new Map<string, { step: number; line: number }>();
    for (const path of Object.keys(lab.meta.files ?? {})) declared.set(normalisePath(path), { step: -2, line: 1 });
    for (const v of walkBlocks(lab)) {
      const key = v.block.kind === "file" ? normalisePath(v.block.path) : null;
      if (key && !declared.has(key)) declared.set(key, { step: v.step?.index ?? -1, line: v.block.line });
    }
    const written = new Set<string>();
    let lastSnippet: { snippet: Snippet; step: number } | null = null;
    for (const v of walkEntries(lab)) {
      const step = v.step?.index ?? -1;
      if (v.entry.kind === "snippet") lastSnippet = { snippet: v.entry, step };
      if (v.entry.kind !== "command") continue;
      const command: Command = v.entry;
      for (const use of fileUses(command.command)) {
        const key = normalisePath(use.path);
        const d = declared.get(key);
        if (written.has(key) || (d && d.step <= step)) continue;
        const pos = locateInCommand(command, use.offset);
        const diag: Diagnostic = {
          file: lab.file, ...pos, severity: "error", rule: "missing-file",
          message: d
            ? `\`${use.path}\` (${use.role}) is used here but only written by the later step at line ${d.line}; move that \`file=${key}\` block into this step or an earlier one`
            : `\`${use.path}\` (${use.role}) is used here but no step creates it`,
        };
        const candidate = lastSnippet && lastSnippet.step === step ? lastSnippet.snippet : null;
        if (!d && candidate && looksLike(candidate, key)) {
          const lang = key.endsWith(".json") ? "json" : key.match(/\.ya?ml$/) ? "yaml" : "";
          diag.message += `; the snippet at line ${candidate.line} looks like it: declare it as the file with \`file=${key}\``;
          diag.fix = {
            line: candidate.line,
            column: candidate.column,
            message: `put this snippet in its own fenced block opened with \`\`\`${lang ? lang + " " : ""}file=${key}`,
          };
        } else if (!d) {
          diag.message += `; add a fenced block with \`file=${key}\` in its info string, or list it under \`files:\` in the front matter`;
        }
        out.push(diag);
      }
      for (const path of fileCreations(command.command)) written.add(normalisePath(path));
    }
    return out;
  },
};

/** Whether a snippet's text fits the file's type (JSON for .json); any snippet fits other types. */
function looksLike(snippet: Snippet, path: string): boolean {
  if (!path.endsWith(".json")) return true;
  try {
    JSON.parse(snippet.text);
    return true;
  } catch {
    return false;
  }
}
