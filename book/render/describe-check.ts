// A check in words for the page: its title (written for students), with its points when it is worth more than one.
// Hints stay out of sight until the check fails in the terminal (checks-panel.ts).
import type { Check } from "../../checks/check.js";
import { html, type Html } from "./html.js";
import { renderInline } from "./markdown.js";

/** The check's line in a step's check list. */
export function describeCheck(check: Check): Html {
  const points = check.spec.points ?? 1;
  return html`<span class="check-title">${renderInline(check.spec.title)}</span>${points > 1 ? html` <span class="muted">(${points} points)</span>` : ""}`;
}
