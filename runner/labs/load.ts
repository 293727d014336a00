// Reading a lab file from disk and parsing it, with every way that can fail turned into a LabInputError that says
// which file and what to do about it.
import { readFileSync, statSync } from "node:fs";
import type { Lab } from "../model/lab.js";
import { parseLab } from "../parse/index.js";
import { LabInputError } from "./errors.js";

/** Larger than any lab anyone writes by hand; past it the file is surely not a lab. */
const MAX_LAB_BYTES = 16 * 1024 * 1024;

const MARKDOWN = /\.(md|markdown)$/i;

/** Reads a lab file's text, checking it is a readable Markdown text file; messages name it `shownAs`. */
export function readLabText(file: string, shownAs = file): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new LabInputError(`${shownAs}: is a directory; name a lab file in it, or run \`hostlab list ${shownAs}\``);
    size = st.size;
  } catch (e) {
    if (e instanceof LabInputError) throw e;
    throw new LabInputError(describeFsError(shownAs, e));
  }
  if (!MARKDOWN.test(file)) throw new LabInputError(`${shownAs}: not a Markdown lab; labs are .md files`);
  if (size > MAX_LAB_BYTES) throw new LabInputError(`${shownAs}: too large for a lab (${Math.round(size / 1048576)} MB); is it the right file?`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new LabInputError(describeFsError(shownAs, e));
  }
  if (text.includes("\u0000")) throw new LabInputError(`${shownAs}: not a text file (it contains NUL bytes); labs are Markdown text`);
  return text;
}

/** Reads and parses a lab file; `shownAs` is how diagnostics name it (default: the path as given). */
export function loadLab(file: string, shownAs = file): Lab {
  return parseLab(readLabText(file, shownAs), shownAs);
}

/** An fs error as a sentence for the user. */
export function describeFsError(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return `${path}: no such file; check the path, or run \`hostlab list\` to see the labs`;
  if (code === "EACCES" || code === "EPERM") return `${path}: permission denied; make the file readable`;
  if (code === "EISDIR") return `${path}: is a directory; name a lab file in it`;
  return `${path}: cannot read (${code ?? String(e)})`;
}
