// A new lab to start from: front matter, a title, an introduction and two steps, each with a command block and a
// check, written the way docs/lab-format.md describes. The expected output under each command is not typed in here:
// the lab is played on the built-in host and its output written in (the `--update` machinery), so the scaffold can
// never drift from what the host prints, and it lints clean and passes `hostlab test` from the first minute.
import { parseLab } from "../parse/index.js";
import { planLab } from "../play/plan.js";
import { labPassed } from "../report/results.js";
import { rewriteExpectedOutput } from "../modes/test/rewrite-output.js";
import { testLab } from "../modes/test/run-lab.js";
import { lintLab } from "../lint/index.js";

export { LAB_ID } from "./lab-id.js";

// Stands in for output until the lab is played; any text the host does not print would do.
const PLACEHOLDER = "(output written by hostlab new)";

/** The Markdown of a new lab named `id`, its expected output taken from a run on the built-in host. */
export async function scaffoldLab(id: string, file: string): Promise<string> {
  const template = labTemplate(id);
  const lab = parseLab(template, file);
  const commands = planLab(lab).steps.flatMap((s) => s.commands);
  const run = await testLab(lab);
  const all = new Set(commands.map((c) => c.line));
  const text = rewriteExpectedOutput(template, commands, run.actuals, { literal: all }).text;
  // The promise of `hostlab new`: if the template ever stops passing (a change in the engine), say so loudly.
  const check = await testLab(parseLab(text, file));
  const problems = lintLab(parseLab(text, file)).filter((d) => d.severity === "error");
  if (!labPassed(check.outcome) || problems.length > 0) {
    throw new Error(`the new-lab template no longer passes hostlab test/lint on the built-in host (${problems[0]?.message ?? "a command or check failed"})`);
  }
  return text;
}

/** "kernel-keyrings" → "Kernel keyrings". */
export function titleOf(id: string): string {
  const words = id.replace(/[._-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function labTemplate(id: string): string {
  const title = titleOf(id);
  const dir = `/srv/${id}`;
  return `---
id: ${id}
title: ${title}
summary: One or two sentences on what the student will see on the host.
duration: 15m
difficulty: beginner
host: rhel9
---

# ${title}

Say in a paragraph what this lab shows and why it matters. Each \`##\` heading below is a step; \`hostlab run ${id}\`
shows one step at a time, and \`hostlab test ${id}\` plays them all and checks every output and every check.

## Write a file

Commands go in a \`console\` block after a \`$ \` prompt. Paste the output under the command, indented: the test
compares it with what the host prints (ids, pids and times may differ, consistently).

\`\`\`console
$ mkdir -p ${dir}
$ echo "hello from ${id}" > ${dir}/hello.txt
$ cat ${dir}/hello.txt
  ${PLACEHOLDER}
\`\`\`

A check proves the step was done. It must fail before the step and pass after it (docs/checks.md lists the types):

\`\`\`check
type: file
title: hello.txt says hello
path: ${dir}/hello.txt
contains: hello from ${id}
\`\`\`

## Copy it

\`\`\`console
$ cd ${dir}
$ cp hello.txt copy.txt
$ ls
  ${PLACEHOLDER}
\`\`\`

> [!TIP]
> A hint stays hidden until the student asks for it: \`cp\` takes the file to copy, then the new name.

\`\`\`check
type: file
title: copy.txt is there
path: ${dir}/copy.txt
\`\`\`
`;
}
