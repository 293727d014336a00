// `hostlab list [dir]`: the labs in a folder (default ./labs) with their id, title, number of steps and duration.
import type { Command } from "commander";
import { withFriendlyErrors } from "../../labs/errors.js";
import { LABS_DIR, listLabFiles } from "../../labs/find.js";
import { loadLab } from "../../labs/load.js";
import { durationMinutes } from "../../model/front-matter.js";

export function register(program: Command): void {
  program
    .command("list")
    .description("list the labs in a folder (default ./labs)")
    .argument("[dir]", "folder of .md labs", LABS_DIR)
    .option("--json", "print the list as JSON")
    .action((dir: string, opts: { json?: boolean }) => withFriendlyErrors(() => runList(dir, Boolean(opts.json))));
}

function runList(dir: string, json: boolean): void {
  const rows = listLabFiles(dir).map((file) => {
    const lab = loadLab(file);
    return { id: lab.id, title: lab.title ?? "(untitled)", steps: lab.steps.length, minutes: durationMinutes(lab.meta.duration), file };
  });
  if (json) {
    process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
    return;
  }
  if (rows.length === 0) {
    process.stdout.write(`no labs in ${dir}\n`);
    return;
  }
  const table = [["ID", "TITLE", "STEPS", "DURATION"], ...rows.map((r) => [r.id, r.title, String(r.steps), r.minutes === null ? "-" : `${r.minutes} min`])];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) process.stdout.write(row.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd() + "\n");
}
