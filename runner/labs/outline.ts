// `hostlab show` in human form: a readable outline of what the parser understood, so an author can see at a glance
// whether their notes were read as they meant: steps and tasks, every command with its session, how much expected
// output it has, and where snippets, files, hints, solutions and checks sit. Indentation shows nesting; `[n]` marks
// a command that runs inside nested session n.
import type { Block, Lab } from "../model/lab.js";
import { durationMinutes } from "../model/front-matter.js";
import { listCommands } from "../model/walk.js";

/** Renders the outline as plain text lines. */
export function renderOutline(lab: Lab): string {
  const out: string[] = [];
  const facts = [`id ${lab.id}`, lab.meta.host && `host ${lab.meta.host}`, durationOf(lab), count(lab.steps.length, "step"),
    count(listCommands(lab).length, "command")].filter(Boolean);
  out.push(lab.title ?? "(untitled lab)", `  ${facts.join(" · ")}  (${lab.file})`);
  if (lab.meta.summary) out.push(`  ${lab.meta.summary}`);
  if (lab.problems.length > 0) out.push(`  ${count(lab.problems.length, "problem")} while parsing: run \`hostlab lint ${lab.file}\``);
  if (lab.intro.length > 0) {
    out.push("");
    renderBlocks(lab.intro, "  ", out);
  }
  lab.steps.forEach((step, i) => {
    out.push("", `${i + 1}. ${step.title}  (line ${step.line})`);
    renderBlocks(step.body, "     ", out);
    step.tasks.forEach((task, j) => {
      out.push(`   ${i + 1}.${j + 1} ${task.title}  (line ${task.line})`);
      renderBlocks(task.body, "       ", out);
    });
  });
  return out.join("\n");
}

function renderBlocks(blocks: readonly Block[], indent: string, out: string[]): void {
  for (const b of blocks) {
    switch (b.kind) {
      case "prose":
        out.push(`${indent}¶ ${firstLine(b.markdown)}`);
        break;
      case "transcript":
        for (const e of b.entries) {
          if (e.kind === "narration") out.push(`${indent}# ${firstLine(e.markdown)}`);
          else if (e.kind === "snippet") out.push(`${indent}snippet, ${count(e.text.split("\n").length, "line")} (line ${e.line})`);
          else {
            const where = e.session.id > 0 ? `[${e.session.id}] ` : "";
            const notes = [
              e.expectedOutput.length > 0 && `→ ${count(e.expectedOutput.length, "line")} of output`,
              e.echo && `echo ${e.echo.prompt.text.trim()}`,
              e.opens && `opens session ${e.opens}`,
              e.closes && `closes session ${e.closes}`,
            ].filter(Boolean);
            out.push(`${indent}${"  ".repeat(e.session.depth)}${where}$ ${firstLine(e.command)}${notes.length ? `   ${notes.join(", ")}` : ""}`);
          }
        }
        break;
      case "snippet":
        out.push(`${indent}snippet${b.lang ? ` (${b.lang})` : ""}, ${count(b.text.split("\n").length, "line")} (line ${b.line})`);
        break;
      case "file":
        out.push(`${indent}file ${b.path}, ${count(b.content.split("\n").length - 1, "line")} (line ${b.line})`);
        break;
      case "hint":
        out.push(`${indent}hint (${b.alert}): ${firstLine(b.markdown)}`);
        break;
      case "solution":
        out.push(`${indent}solution "${b.summary}" (line ${b.line})`);
        renderBlocks(b.body, indent + "  ", out);
        break;
      case "check":
        out.push(`${indent}check${b.hidden ? " (hidden)" : ""} (line ${b.line})`);
        break;
    }
  }
}

function durationOf(lab: Lab): string | null {
  const m = durationMinutes(lab.meta.duration);
  return m === null ? null : `${m} min`;
}

function firstLine(s: string): string {
  const line = s.split("\n")[0];
  return line.length > 100 ? line.slice(0, 99) + "…" : line;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
