// Fenced code blocks as markdown-it reports them, with what the rules need: the body's lines, where they start, the
// parsed info string, and whether the fence was ever closed (markdown-it silently closes it at the end of the
// document or container, which would swallow the rest of a lab into one block).
import type { Token } from "markdown-it";
import type { SourcePos } from "../model/source.js";
import { parseInfoString, type InfoString } from "./info-string.js";

export interface Fence extends SourcePos {
  info: InfoString;
  /** The raw info string. */
  infoText: string;
  /** Body lines, the fence's own indentation removed. */
  lines: string[];
  /** The body as one string ending in a newline (or "" when empty). */
  content: string;
  /** 1-based line of the first body line. */
  firstLine: number;
}

/** Reads a `fence` token; `lines` is the whole file split into lines. */
export function readFence(token: Token, lines: readonly string[]): Fence {
  const start = token.map ? token.map[0] : 0;
  const text = lines[start] ?? "";
  const indent = text.length - text.trimStart().length;
  const body = token.content.endsWith("\n") ? token.content.slice(0, -1) : token.content;
  return {
    info: parseInfoString(token.info),
    infoText: token.info,
    lines: token.content === "" ? [] : body.split("\n"),
    content: token.content,
    firstLine: start + 2,
    line: start + 1,
    column: indent + 1,
  };
}

/** Whether a fence token ends with a closing fence line (same character, at least as long as the opening). */
export function isFenceClosed(token: Token, lines: readonly string[]): boolean {
  if (!token.map) return true;
  const [start, end] = token.map;
  if (end - start < 2) return false;
  const last = (lines[end - 1] ?? "").replace(/^[\s>]*/, "").trimEnd();
  const ch = token.markup[0];
  return last.length >= token.markup.length && [...last].every((c) => c === ch);
}
