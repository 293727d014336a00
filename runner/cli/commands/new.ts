// `hostlab new <id>`: scaffolds labs/<id>.md, a lab that lints clean and passes `hostlab test` as it stands, for an
// author to fill in. It never overwrites: an existing file is bad input (exit 2), as is an id the front matter would
// reject.
import type { Command } from "commander";
import { chmodSync, existsSync } from "node:fs";
import path from "node:path";
import { LabInputError, withFriendlyErrors } from "../../labs/errors.js";
import { LABS_DIR } from "../../labs/find.js";
import { LAB_ID } from "../../scaffold/lab-id.js";
import { writeFileAtomic } from "../../state/atomic-write.js";

export function register(program: Command): void {
  program
    .command("new")
    .description("create labs/<id>.md: a small lab that passes `hostlab test`, to start from")
    .argument("<id>", "the new lab's id (lower-case letters, digits, '.', '_' and '-')")
    .option("--dir <dir>", "folder to create it in", LABS_DIR)
    .action((id: string, opts: { dir: string }) => withFriendlyErrors(() => runNew(id, opts.dir)));
}

async function runNew(id: string, dir: string): Promise<void> {
  if (!LAB_ID.test(id)) throw new LabInputError(`"${id}" is not a lab id: use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit`);
  const file = path.join(dir, `${id}.md`);
  if (existsSync(file)) throw new LabInputError(`${file} already exists; pick another id, or edit that lab`);
  const { scaffoldLab } = await import("../../scaffold/new-lab.js");
  const text = await scaffoldLab(id, file);
  await writeFileAtomic(file, text);
  chmodSync(file, 0o644); // an ordinary, shareable source file (the atomic write creates private files)
  process.stdout.write(`created ${file}\n  try: hostlab test ${file}   ·   hostlab run ${id}\n`);
}
