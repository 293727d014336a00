// The lab's prose as HTML, by markdown-it with CommonMark plus tables and strikethrough (its default preset). Raw
// HTML in the Markdown is shown as text, not obeyed: a book is published, and a lab file must not be able to put
// script into it. (`<details>` solutions are already parsed into blocks by runner/parse, so nothing is lost.)
import MarkdownIt from "markdown-it";
import { raw, type Html } from "./html.js";

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** A block of Markdown as HTML. */
export function renderMarkdown(markdown: string): Html {
  return raw(md.render(markdown));
}

/** A line of Markdown (a heading's text, a summary) as inline HTML. */
export function renderInline(markdown: string): Html {
  return raw(md.renderInline(markdown));
}
