// A fence's info string: the words after the opening ``` — a language, then `key=value` attributes
// (```json file=labs/x.json, ```console prompt=#, ```check points=2). Values may be quoted to hold spaces.

export interface InfoString {
  /** The first word that is not an attribute, lower-cased, or "". */
  lang: string;
  attrs: Record<string, string>;
  /** Everything after the language, as written. */
  rest: string;
}

const WORD = /(\S+?)=("([^"]*)"|'([^']*)'|\S*)|(\S+)/g;

/** Splits an info string into its language and attributes. */
export function parseInfoString(info: string): InfoString {
  const attrs: Record<string, string> = {};
  let lang = "";
  let rest = info.trim();
  for (const m of info.matchAll(WORD)) {
    if (m[1] !== undefined) attrs[m[1]] = m[3] ?? m[4] ?? m[2];
    else if (lang === "" && Object.keys(attrs).length === 0) {
      lang = m[5].toLowerCase();
      rest = info.slice((m.index ?? 0) + m[0].length).trim();
    }
  }
  return { lang, attrs, rest };
}
