// Checks are YAML; a syntax error there would otherwise surface only when the check runs. This rule reads the YAML
// alone (the vocabulary belongs to checks/, whose own rule validates the meaning) and places errors on the lab's
// lines.
import { LineCounter, parseDocument } from "yaml";
import type { Diagnostic } from "../../model/source.js";
import { walkBlocks } from "../../model/walk.js";
import type { LintRule } from "../rule.js";

export const checkYaml: LintRule = {
  name: "check-yaml",
  description: "a check whose YAML does not parse, or an empty check",
  run(lab) {
    const out: Diagnostic[] = [];
    for (const { block } of walkBlocks(lab)) {
      if (block.kind !== "check") continue;
      if (block.yaml.trim() === "") {
        out.push({ file: lab.file, line: block.line, column: block.column, severity: "warning", rule: "check-yaml", message: "this check is empty" });
        continue;
      }
      const lineCounter = new LineCounter();
      const doc = parseDocument(block.yaml, { lineCounter, prettyErrors: false });
      const yamlLines = block.yaml.trimEnd().split("\n");
      for (const e of doc.errors) {
        let { line, col } = lineCounter.linePos(e.pos[0]);
        // "Unexpected end" errors sit just past the text, on the closing fence's line; point at the text's end.
        if (line > yamlLines.length) [line, col] = [yamlLines.length, yamlLines[yamlLines.length - 1].length + 1];
        out.push({
          file: lab.file, line: block.yamlLine + line - 1, column: col, severity: "error", rule: "check-yaml",
          message: `check is not valid YAML: ${e.message.split("\n")[0]}`,
        });
      }
    }
    return out;
  },
};
