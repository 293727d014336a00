// A step's blocks as HTML. Commands show the output captured when the book was built, not the notes' copy (the notes
// may hold another run's ids; the book shows this run's, which the in-page terminal reproduces). Hints and solutions
// are collapsed `<details>`; hidden checks render as nothing.
import type { Block, Command, Transcript } from "../../runner/model/lab.js";
import type { CapturedOutput } from "../capture.js";
import { html, type Html } from "./html.js";
import { renderInline, renderMarkdown } from "./markdown.js";

/** What block rendering needs besides the blocks. */
export interface BlockContext {
  /** Command line → captured output. */
  outputs: Map<number, CapturedOutput>;
  /** Command line → the transcript diff of a failing command (`--allow-failing` pages). */
  diffs: Map<number, string>;
}

const ALERT_NAMES: Record<string, string> = { tip: "Tip", note: "Note", important: "Important", warning: "Warning", caution: "Caution" };

/** Renders blocks in order. */
export function renderBlocks(blocks: Block[], ctx: BlockContext): Html {
  return html`${blocks.map((b) => renderBlock(b, ctx))}`;
}

function renderBlock(block: Block, ctx: BlockContext): Html {
  switch (block.kind) {
    case "prose":
      return renderMarkdown(block.markdown);
    case "transcript":
      return renderTranscript(block, ctx);
    case "snippet":
      return html`<pre class="snippet"><code>${block.text}</code></pre>`;
    case "file":
      return html`<figure class="file"><figcaption>File <code>${block.path}</code></figcaption><pre><code>${block.content}</code></pre></figure>`;
    case "hint":
      return html`<details class="hint hint-${block.alert}"><summary>${ALERT_NAMES[block.alert] ?? "Hint"}</summary>${renderMarkdown(block.markdown)}</details>`;
    case "solution":
      return html`<details class="solution"><summary>${renderInline(block.summary)}</summary>${renderBlocks(block.body, ctx)}</details>`;
    case "check":
      return html``; // listed with their step's "Check" button (lab-page.ts); hidden ones never
  }
}

function renderTranscript(block: Transcript, ctx: BlockContext): Html {
  const entries = block.entries.map((entry) => {
    switch (entry.kind) {
      case "command":
        return renderCommand(entry, ctx);
      case "narration":
        return html`<div class="narration">${renderMarkdown(entry.markdown)}</div>`;
      case "snippet":
        return html`<pre class="snippet"><code>${entry.text}</code></pre>`;
    }
  });
  return html`<div class="transcript">${entries}</div>`;
}

function renderCommand(command: Command, ctx: BlockContext): Html {
  const captured = ctx.outputs.get(command.line);
  const diff = ctx.diffs.get(command.line);
  // Inside a nested shell the notes echo the container's prompt (`[root@5f5d3692fa73 /]# ls`); show that one.
  const prompt = command.echo ? command.echo.prompt.text : command.prompt.text;
  const shown = commandText(command);
  let output: Html;
  if (captured) {
    const text = captured.output.replace(/\r\n/g, "\n").replace(/\n+$/, "");
    output = text ? html`<pre class="output">${text}</pre>` : html``;
  } else if (command.expectedOutput.length) {
    output = html`<pre class="output from-notes" title="as written in the notes; not run when the book was built">${command.expectedOutput.join("\n")}</pre>`;
  } else output = html``;
  const failed = diff !== undefined
    ? html`<details class="run-failed" open><summary>This command's output differs from the notes</summary><pre>${diff}</pre></details>`
    : html``;
  return html`<div class="command${diff !== undefined ? " failed" : ""}" id="line-${command.line}"><pre class="command-line"><span class="prompt">${prompt}</span><code data-command="${command.command}" title="Put this command on the terminal's prompt">${shown}</code></pre>${output}${failed}</div>`;
}

// The command as written, continuation lines kept, without the prompt in front of its first line.
function commandText(command: Command): string {
  const source = command.source.startsWith(command.prompt.text) ? command.source.slice(command.prompt.text.length) : command.command;
  return source.trimEnd();
}
