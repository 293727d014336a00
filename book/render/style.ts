// The book's stylesheet, kept in a module so the bundled CLI carries it (no asset file to find at run time).
// One palette in CSS variables, light by default, dark by prefers-color-scheme or the toggle (`data-theme` on
// <html>); the terminal reads the same variables (book/browser/theme.ts). Narrow screens get one column.

/** Written to assets/book.css. */
export const BOOK_CSS = `
:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --accent: #0b57d0; --code-bg: #f6f8fa;
  --pass: #1a7f37; --fail: #cf222e; --warn-bg: #fff8c5; --panel: #f6f8fa;
  --term-bg: #1e1e1e; --term-fg: #e6e6e6; --term-selection: #44475a;
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme=light]) {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --accent: #58a6ff; --code-bg: #151b23;
    --pass: #3fb950; --fail: #f85149; --warn-bg: #3b2e00; --panel: #151b23;
    --term-bg: #010409; --term-fg: #e6edf3; --term-selection: #264f78;
    color-scheme: dark;
  }
}
:root[data-theme=dark] {
  --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --accent: #58a6ff; --code-bg: #151b23;
  --pass: #3fb950; --fail: #f85149; --warn-bg: #3b2e00; --panel: #151b23;
  --term-bg: #010409; --term-fg: #e6edf3; --term-selection: #264f78;
  color-scheme: dark;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
:not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
pre { background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.6em 0.8em; overflow-x: auto; margin: 0.4em 0; }
.site-header { display: flex; align-items: center; gap: 1em; padding: 0.6em 1em; border-bottom: 1px solid var(--border); position: sticky; top: 0; background: var(--bg); z-index: 5; }
.site-title { font-weight: 600; text-decoration: none; color: var(--fg); }
.site-header .spacer { flex: 1; }
button { font: inherit; cursor: pointer; background: var(--panel); color: var(--fg); border: 1px solid var(--border); border-radius: 6px; padding: 0.25em 0.8em; }
button:hover { border-color: var(--accent); }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
.page { display: grid; grid-template-columns: 16rem minmax(0, 1fr); gap: 2em; max-width: 76rem; margin: 0 auto; padding: 1em; }
.page.single { grid-template-columns: minmax(0, 1fr); max-width: 52rem; }
.toc { position: sticky; top: 4em; align-self: start; font-size: 0.9em; max-height: calc(100vh - 5em); overflow-y: auto; }
.toc ol { padding-left: 1.2em; }
main { min-width: 0; }
.lab-meta, .muted { color: var(--muted); }
.step { border-top: 1px solid var(--border); margin-top: 2em; scroll-margin-top: 3.5em; }
.command { scroll-margin-top: 4em; }
.command { margin: 0.6em 0; }
.command-line { margin-bottom: 0; border-bottom-left-radius: 0; border-bottom-right-radius: 0; }
.command-line code { cursor: pointer; }
.command-line code:hover { text-decoration: underline dotted; }
.command-line + .output { margin-top: 0; border-top: none; border-top-left-radius: 0; border-top-right-radius: 0; }
.prompt { color: var(--muted); user-select: none; }
.output { color: var(--fg); }
.output.from-notes { border-style: dashed; }
.narration { color: var(--muted); font-style: italic; margin: 0.2em 0 0.6em; }
.command.failed .command-line { border-color: var(--fail); }
.run-failed summary, .lab-failed { color: var(--fail); }
.lab-failed { background: var(--warn-bg); border: 1px solid var(--fail); border-radius: 6px; padding: 0.6em 1em; }
.lab-failed pre { white-space: pre-wrap; }
details { border: 1px solid var(--border); border-radius: 6px; padding: 0.3em 0.8em; margin: 0.6em 0; }
details > summary { cursor: pointer; font-weight: 600; }
figure.file { margin: 0.6em 0; }
figure.file figcaption { font-size: 0.85em; color: var(--muted); }
.checks { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 0.6em 1em; margin: 1em 0; }
.checks h3 { margin: 0 0 0.3em; font-size: 1em; }
.checks ul { list-style: none; padding: 0; margin: 0 0 0.6em; }
.checks li { margin: 0.3em 0; }
.check-mark { display: inline-block; width: 1.4em; font-weight: 700; }
li[data-status=pass] .check-mark { color: var(--pass); }
li[data-status=fail] .check-mark, li[data-status=error] .check-mark { color: var(--fail); }
.check-result { margin-left: 1.4em; font-size: 0.9em; color: var(--muted); }
.check-hint { color: var(--fg); }
.step-nav, .lab-nav { display: flex; justify-content: space-between; gap: 1em; margin: 1.2em 0; font-size: 0.95em; }
.lab-list { list-style: none; padding: 0; }
.lab-card { border: 1px solid var(--border); border-radius: 8px; padding: 0.8em 1.2em; margin: 1em 0; }
.lab-card h2 { margin: 0 0 0.3em; font-size: 1.3em; }
.tag { display: inline-block; background: var(--code-bg); border-radius: 999px; padding: 0 0.6em; font-size: 0.8em; margin-right: 0.3em; }
.badge-failed { color: var(--fail); font-weight: 600; }
#terminal-panel { position: fixed; left: 0; right: 0; bottom: 0; height: 45vh; background: var(--term-bg); border-top: 2px solid var(--accent); z-index: 10; display: flex; flex-direction: column; }
#terminal-panel[hidden] { display: none; }
.terminal-bar { display: flex; gap: 0.6em; align-items: center; padding: 0.3em 0.8em; background: var(--panel); color: var(--fg); font-size: 0.85em; }
.terminal-bar .spacer { flex: 1; }
#terminal { flex: 1; min-height: 0; padding: 0.3em 0 0 0.5em; }
body.terminal-open { padding-bottom: 46vh; }
@media (max-width: 48rem) {
  .page { grid-template-columns: minmax(0, 1fr); padding: 0.6em; }
  .toc { position: static; max-height: none; }
  body { font-size: 15px; }
  #terminal-panel { height: 55vh; }
  body.terminal-open { padding-bottom: 56vh; }
}
`;
