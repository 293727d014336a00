// The terminal's colours follow the page's theme (the `data-theme` attribute on <html>, set by the theme toggle or
// by prefers-color-scheme), read from the page's CSS variables so the palette is written once, in the stylesheet.
import type { ITheme } from "@xterm/xterm";

/** xterm's theme for the page's current colours. */
export function terminalTheme(): ITheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: v("--term-bg", "#1e1e1e"),
    foreground: v("--term-fg", "#e6e6e6"),
    cursor: v("--term-fg", "#e6e6e6"),
    selectionBackground: v("--term-selection", "#44475a"),
  };
}
