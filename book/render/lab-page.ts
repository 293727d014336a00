// A lab's page: the table of steps on the side; the introduction; each step with its text, its commands and the
// output they printed at build time, its checks in words with a "Check" button, and links to the steps around it;
// links to the labs around it; and the "Try it" terminal, which the page's data and terminal.js bring to life.
import type { Check } from "../../checks/check.js";
import type { LabPlan } from "../../runner/play/plan.js";
import type { LabFailure } from "../failure.js";
import { pageDataScript, type LabPageData } from "../page-data.js";
import type { BlockContext } from "./blocks.js";
import { renderBlocks } from "./blocks.js";
import { describeCheck } from "./describe-check.js";
import { html, raw, type Html } from "./html.js";
import { renderPage } from "./layout.js";
import { formatMinutes } from "./index-page.js";
import { renderInline } from "./markdown.js";
import { durationMinutes } from "../../runner/model/front-matter.js";

/** A link to a neighbouring lab. */
export interface LabLink {
  title: string;
  href: string;
}

export interface LabPageInput {
  plan: LabPlan;
  courseTitle: string;
  blocks: BlockContext;
  data: LabPageData;
  /** Failures of the build's run, shown in a banner (only with --allow-failing; otherwise there is no page). */
  failures: LabFailure[];
  previous: LabLink | null;
  next: LabLink | null;
}

/** Id of a step's section, for links. */
export function stepAnchor(index: number): string {
  return `step-${index + 1}`;
}

/** Renders a lab's page. */
export function renderLabPage(input: LabPageInput): string {
  const { plan, blocks } = input;
  const lab = plan.lab;
  const title = lab.title ?? lab.id;
  const steps = plan.steps;
  const toc = html`<nav class="toc" aria-label="Steps"><strong>Steps</strong><ol>${steps.map(
    (s, i) => html`<li><a href="#${stepAnchor(i)}">${renderInline(s.step.title)}</a></li>`,
  )}</ol><p><a href="../index.html">All labs</a></p></nav>`;
  const sections = steps.map((s, i) => {
    const visible = visibleChecks(s.checks);
    const tasks = s.step.tasks.map((t) => html`<h3>${renderInline(t.title)}</h3>${renderBlocks(t.body, blocks)}`);
    const checks = visible.length
      ? html`<div class="checks"><h3>Checks</h3><ul data-checks-of="${i}">${visible.map(
          (c, k) => html`<li data-check-index="${k}"><span class="check-mark">○</span>${describeCheck(c)}<div class="check-result"></div></li>`,
        )}</ul><button type="button" data-action="check" data-step="${i}">Check this step</button></div>`
      : html``;
    const nav = html`<nav class="step-nav">${i > 0 ? html`<a href="#${stepAnchor(i - 1)}">← ${steps[i - 1].step.title}</a>` : html`<span></span>`}${
      i + 1 < steps.length ? html`<a href="#${stepAnchor(i + 1)}">${steps[i + 1].step.title} →</a>` : html`<span></span>`
    }</nav>`;
    return html`<section class="step" id="${stepAnchor(i)}" data-step="${i}"><h2>${renderInline(s.step.title)}</h2>${renderBlocks(s.step.body, blocks)}${tasks}${checks}${nav}</section>`;
  });
  const minutes = durationMinutes(lab.meta.duration);
  const meta = [minutes !== null ? formatMinutes(minutes) : null, lab.meta.difficulty ?? null, `${steps.length} steps`, lab.meta.host ?? null]
    .filter(Boolean)
    .join(" · ");
  const labNav = html`<nav class="lab-nav">${input.previous ? html`<a href="${input.previous.href}">← ${input.previous.title}</a>` : html`<span></span>`}${
    input.next ? html`<a href="${input.next.href}">${input.next.title} →</a>` : html`<span></span>`
  }</nav>`;
  const body = html`${toc}<main>
${failureBanner(input.failures)}
<h1>${title}</h1>
<p class="lab-meta">${meta}</p>
<p><button type="button" class="primary" data-action="try-it">▶ Try it in the terminal</button> <span class="muted">A simulated host runs in your browser: nothing to install.</span></p>
${renderBlocks(lab.intro, blocks)}
${sections}
${labNav}
</main>`;
  const panel = html`<section id="terminal-panel" hidden aria-label="Terminal">
<div class="terminal-bar"><strong>Terminal</strong><span id="terminal-status" class="muted"></span><span class="spacer"></span><button type="button" data-action="reset-terminal" title="Forget this lab's session and start a fresh host">Reset</button><button type="button" data-action="close-terminal">Close</button></div>
<div id="terminal"></div>
</section>
<script>${raw(pageDataScript(input.data))}</script>
<script src="../assets/terminal.js"></script>`;
  return renderPage({
    title: `${title} — ${input.courseTitle}`,
    courseTitle: input.courseTitle,
    root: "../",
    head: html`<link rel="stylesheet" href="../assets/terminal.css">`,
    headerExtra: html`<button type="button" data-action="try-it">▶ Try it</button>`,
    layout: "page",
    body,
    tail: panel,
  });
}

/** The checks a student is shown: hidden ones (graders only) are left out of the page entirely. */
export function visibleChecks(checks: Check[]): Check[] {
  return checks.filter((c) => !c.spec.hidden);
}

function failureBanner(failures: LabFailure[]): Html {
  if (!failures.length) return html``;
  const text = failures.map((f) => [f.step ? `step "${f.step}": ${f.what}` : f.what, ...f.detail.split("\n").filter((l) => l.trim()).map((l) => `  ${l}`)].join("\n"));
  return html`<div class="lab-failed" role="alert"><strong>This lab failed its run on the built-in host when the book was built</strong> (built with --allow-failing).<pre>${text.join("\n")}</pre></div>`;
}
