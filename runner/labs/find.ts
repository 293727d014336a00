// Finding labs: a lab is named by its path, or by its id (front matter `id`, else the file name without `.md`),
// looked up among the `.md` files directly in `labs/` under the current directory. Sub-folders of `labs/` hold a
// lab's asset files, not labs, so they are not searched.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Lab } from "../model/lab.js";
import { describeFsError, loadLab } from "./load.js";
import { LabInputError } from "./errors.js";

/** Where labs live, relative to the current directory. */
export const LABS_DIR = "labs";

const MARKDOWN = /\.(md|markdown)$/i;

/** The lab files directly in a directory, sorted by name. */
export function listLabFiles(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new LabInputError(`${dir}: not a directory; give a folder of .md labs`);
    entries = readdirSync(dir);
  } catch (e) {
    if (e instanceof LabInputError) throw e;
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new LabInputError(code === "ENOENT" ? `${dir}: no such directory; labs live in ./${LABS_DIR}/ (run hostlab from the project folder)` : describeFsError(dir, e));
  }
  return entries
    .filter((f) => MARKDOWN.test(f) && !/^readme\.md$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Resolves a lab named by path or id to a loaded Lab. */
export function findLab(name: string, cwd = process.cwd()): Lab {
  const asPath = path.resolve(cwd, name);
  if (existsSync(asPath) || name.includes("/") || name.includes(path.sep) || MARKDOWN.test(name)) return loadLab(asPath, name);
  const dir = path.join(cwd, LABS_DIR);
  if (!existsSync(dir)) {
    throw new LabInputError(`${name}: no such file, and no ./${LABS_DIR}/ folder to look it up in; give the path to a .md lab`);
  }
  const byFile = path.join(dir, `${name}.md`);
  if (existsSync(byFile)) return loadLab(byFile, path.relative(cwd, byFile));
  // An unreadable file among the labs must not hide the others from a lookup by id.
  const labs = listLabFiles(dir).flatMap((f) => {
    try {
      return [loadLab(f, path.relative(cwd, f))];
    } catch (e) {
      if (e instanceof LabInputError) return [];
      throw e;
    }
  });
  const found = labs.find((l) => l.id === name);
  if (found) return found;
  const known = labs.map((l) => l.id).join(", ") || "none";
  throw new LabInputError(`no lab "${name}" in ./${LABS_DIR}/ (labs there: ${known}); give a lab id or a path to a .md file`);
}

/** The lab files named on a command line: files as given, directories expanded to the labs directly in them. */
export function expandLabPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // A missing file is reported when it is read, with the same message as any other unreadable lab.
    }
    if (isDir) {
      const files = listLabFiles(p);
      if (files.length === 0) throw new LabInputError(`${p}: no .md labs in this directory`);
      out.push(...files);
    } else out.push(p);
  }
  return out;
}
