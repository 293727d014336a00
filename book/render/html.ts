// Writing HTML by hand, safely: every piece of lab text that reaches a page goes through `escapeHtml`, and markup is
// built with the `html` tag, whose interpolations are escaped unless they are already `Html`.

/** Markup that is already safe to place in a page. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for an element's content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Marks a string as markup (markdown-it's output, a literal of ours). */
export function raw(markup: string): Html {
  return new Html(markup);
}

type Part = string | number | Html | null | undefined | false | Part[];

/** A template of markup: strings and numbers are escaped, Html kept, arrays joined, null/false/undefined dropped. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < parts.length; i++) out += flatten(parts[i]) + strings[i + 1];
  return new Html(out);
}

function flatten(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (Array.isArray(part)) return part.map(flatten).join("");
  if (part instanceof Html) return part.value;
  return escapeHtml(String(part));
}
