// The frame every page shares: head (viewport for phones, the stylesheet, the theme applied before first paint so a
// dark reader sees no white flash), the header with the course title and the theme toggle. Links are relative
// (`root` is "" on the index, "../" on a lab page) so the site works from any folder and from file://.
import { html, raw, type Html } from "./html.js";

export interface PageFrame {
  title: string;
  courseTitle: string;
  /** Path from the page to the site's root: "" or "../". */
  root: string;
  /** Extra elements for <head> (a lab page's terminal stylesheet). */
  head?: Html;
  /** Extra buttons for the header (a lab page's "Try it"). */
  headerExtra?: Html;
  /** Class of the main grid: "page" (with a side column) or "page single". */
  layout: "page" | "page single";
  body: Html;
  /** Markup after the page (the terminal panel, scripts). */
  tail?: Html;
}

/** The key of the reader's theme choice in localStorage. */
export const THEME_KEY = "hostlab:theme";

// Runs in <head>: a saved choice wins over prefers-color-scheme (which the CSS applies when there is none).
const THEME_INIT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t;}catch(e){}})();`;

// The toggle flips whatever is shown now, and remembers the choice.
const THEME_TOGGLE = `(function(){var b=document.querySelector("[data-action=toggle-theme]");if(!b)return;b.addEventListener("click",function(){var r=document.documentElement,cur=r.dataset.theme||(matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"),next=cur==="dark"?"light":"dark";r.dataset.theme=next;try{localStorage.setItem(${JSON.stringify(THEME_KEY)},next);}catch(e){}});})();`;

/** A whole HTML page. */
export function renderPage(frame: PageFrame): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title}</title>
<link rel="icon" href="data:,">
<script>${raw(THEME_INIT)}</script>
<link rel="stylesheet" href="${frame.root}assets/book.css">
${frame.head ?? ""}
</head>
<body>
<header class="site-header">
<a class="site-title" href="${frame.root}index.html">${frame.courseTitle}</a>
<span class="spacer"></span>
${frame.headerExtra ?? ""}
<button type="button" data-action="toggle-theme" aria-label="Switch between the light and the dark theme" title="Light or dark theme">◐ Theme</button>
</header>
<div class="${frame.layout}">
${frame.body}
</div>
${frame.tail ?? ""}
<script>${raw(THEME_TOGGLE)}</script>
</body>
</html>
`.value;
}
