// The course's front page: every lab with its summary, duration, difficulty and number of steps, in the order the
// labs were given (a folder's labs sorted by file name, as `hostlab list` shows them).
import { durationMinutes, type LabMeta } from "../../runner/model/front-matter.js";
import { html } from "./html.js";
import { renderPage } from "./layout.js";
import { renderInline } from "./markdown.js";

/** One lab as the index lists it. */
export interface IndexEntry {
  id: string;
  title: string;
  href: string;
  meta: LabMeta;
  steps: number;
  /** The lab failed its run and was kept by --allow-failing. */
  failed: boolean;
}

/** Renders index.html. */
export function renderIndexPage(courseTitle: string, labs: IndexEntry[]): string {
  const cards = labs.map((lab) => {
    const minutes = durationMinutes(lab.meta.duration);
    const facts = [minutes !== null ? formatMinutes(minutes) : null, lab.meta.difficulty ?? null, `${lab.steps} ${lab.steps === 1 ? "step" : "steps"}`]
      .filter(Boolean)
      .join(" · ");
    return html`<li class="lab-card" data-lab="${lab.id}">
<h2><a href="${lab.href}">${lab.title}</a></h2>
${lab.meta.summary ? html`<p>${renderInline(lab.meta.summary)}</p>` : ""}
<p class="lab-meta">${facts}${lab.failed ? html` · <span class="badge-failed">failed its test run</span>` : ""}</p>
${lab.meta.tags?.length ? html`<p>${lab.meta.tags.map((t) => html`<span class="tag">${t}</span>`)}</p>` : ""}
</li>`;
  });
  const body = html`<main>
<h1>${courseTitle}</h1>
<p class="muted">${labs.length} ${labs.length === 1 ? "lab" : "labs"}. Every output in this book was captured from a run on hostlab's built-in host when the book was built; each lab's "Try it" runs that host in your browser.</p>
<ul class="lab-list">${cards}</ul>
</main>`;
  return renderPage({ title: courseTitle, courseTitle, root: "", layout: "page single", body });
}

/** A lab's duration as the book shows it: "45 min", "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
