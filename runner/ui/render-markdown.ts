// Renders a step's Markdown for a terminal: headings, emphasis, inline code, links, lists, quotes and code blocks,
// wrapped to the terminal's width. Colour comes from the chalk instance the caller passes, so `--no-color` and
// `NO_COLOR` give plain text with the same layout.
import MarkdownIt from "markdown-it";
import type { ChalkInstance } from "chalk";

type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

export interface RenderOptions {
  chalk: ChalkInstance;
  /** Columns to wrap at (the terminal's width, at most 100 for readability). */
  width?: number;
}

const md = new MarkdownIt({ html: false, linkify: false });

/** Markdown → terminal text (ANSI styled when chalk has colour), ending with a newline unless empty. */
export function renderMarkdown(markdown: string, options: RenderOptions): string {
  const width = Math.max(20, Math.min(options.width ?? 80, 100));
  const c = options.chalk;
  const out: string[] = [];
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let quote = 0;
  let pendingBullet: string | undefined;

  const indent = () => "  ".repeat(lists.length) + "│ ".repeat(quote);
  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== "") out.push("");
  };

  const tokens = md.parse(markdown, {});
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case "heading_open": {
        blank();
        const text = inline(tokens[i + 1], c);
        const level = Number(t.tag.slice(1));
        out.push(level <= 2 ? c.bold.underline(text) : c.bold(text));
        i += 2;
        break;
      }
      case "paragraph_open": {
        if (lists.length === 0 && !pendingBullet) blank();
        const prefix = indent();
        const first = pendingBullet ? prefix.slice(0, -2) + pendingBullet : prefix;
        const lines = wrap(inline(tokens[i + 1], c), width - prefix.length);
        lines.forEach((line, k) => out.push((k === 0 ? first : prefix) + (quote ? c.dim(line) : line)));
        pendingBullet = undefined;
        i += 2;
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open":
        if (lists.length === 0) blank();
        lists.push({ ordered: t.type === "ordered_list_open", n: Number(t.attrGet("start") ?? 1) });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        break;
      case "list_item_open": {
        const list = lists[lists.length - 1];
        pendingBullet = list.ordered ? `${list.n++}. ` : c.cyan("•") + " ";
        break;
      }
      case "blockquote_open":
        blank();
        quote++;
        break;
      case "blockquote_close":
        quote--;
        break;
      case "fence":
      case "code_block": {
        blank();
        const prefix = indent() + "  ";
        for (const line of t.content.replace(/\n$/, "").split("\n")) out.push(prefix + c.yellow(line));
        break;
      }
      case "hr":
        blank();
        out.push(c.dim("─".repeat(Math.min(width, 40))));
        break;
      case "html_block":
        break;
      default:
        break;
    }
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.length ? out.join("\n") + "\n" : "";
}

function inline(token: Token | undefined, c: ChalkInstance): string {
  if (!token?.children) return token?.content ?? "";
  let s = "";
  const styles: Array<"em" | "strong" | "link"> = [];
  let href = "";
  const style = (text: string) => {
    let r = text;
    if (styles.includes("strong")) r = c.bold(r);
    if (styles.includes("em")) r = c.italic(r);
    if (styles.includes("link")) r = c.blue.underline(r);
    return r;
  };
  for (const child of token.children) {
    switch (child.type) {
      case "text":
        s += style(child.content);
        break;
      case "code_inline":
        s += c.yellow(child.content);
        break;
      case "softbreak":
        s += " ";
        break;
      case "hardbreak":
        s += "\n";
        break;
      case "em_open":
        styles.push("em");
        break;
      case "strong_open":
        styles.push("strong");
        break;
      case "link_open":
        styles.push("link");
        href = String(child.attrGet("href") ?? "");
        break;
      case "em_close":
      case "strong_close":
        styles.pop();
        break;
      case "link_close":
        styles.pop();
        if (href && !href.startsWith("#")) s += c.dim(` (${href})`);
        break;
      case "image":
        s += c.dim(`[image: ${child.content || child.attrGet("src")}]`);
        break;
      default:
        s += child.content;
    }
  }
  return s;
}

// ANSI escapes take no columns; wrapping counts only what is visible.
const ANSI = /\x1b\[[0-9;]*m/g;
const visibleLength = (s: string) => s.replace(ANSI, "").length;

/** Greedy word wrap that keeps ANSI styling intact and never breaks inside a word. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      if (line && visibleLength(line) + 1 + visibleLength(word) > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines;
}
