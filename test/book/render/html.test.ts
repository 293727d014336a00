// Lab text reaches pages only escaped; page data cannot close its <script> element.
import { describe, expect, it } from "vitest";
import { pageDataScript, type LabPageData } from "../../../book/page-data.js";
import { escapeHtml, html, raw } from "../../../book/render/html.js";
import { renderMarkdown } from "../../../book/render/markdown.js";

describe("html", () => {
  it("escapes interpolated text and keeps marked markup", () => {
    expect(html`<p title="${'"x"'}">${"<b>&"}${raw("<i>ok</i>")}${null}${false}${[1, "<"]}</p>`.value).toBe(
      '<p title="&#34;x&#34;">&#60;b&#62;&#38;<i>ok</i>1&#60;</p>',
    );
    expect(escapeHtml("it's")).toBe("it&#39;s");
  });

  it("shows raw HTML in Markdown as text", () => {
    expect(renderMarkdown("<script>alert(1)</script>").value).not.toContain("<script>");
  });

  it("keeps </script> inside page data from closing the element", () => {
    const data: LabPageData = { id: "x", title: "</script><script>alert(1)</script>", hash: "", seed: 1, profile: "rhel9", files: [], setup: ["echo \u2028"], steps: [] };
    const script = pageDataScript(data);
    expect(script).not.toMatch(/<\/script/i);
    expect(script).not.toContain("\u2028");
    const parsed = Function(`const window = {}; ${script}; return window.HOSTLAB_LAB;`)();
    expect(parsed).toEqual(data);
  });
});
