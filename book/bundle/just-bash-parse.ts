// The engine parses command lines with just-bash's `parse` (engine/shell/shell.ts), which the package's node build
// exports and its browser build (dist/bundle/browser.js, the `browser` export condition) does not, although the
// function is in there: the Bash class uses it. This esbuild plugin adds the missing export to the browser build so
// the engine bundles unchanged. It finds the function by its one-line body, `function X(e,t){return new P().parse(e,t)}`;
// if a new just-bash build reshapes that line, the bundle fails with this message instead of breaking in the page.
import { readFile } from "node:fs/promises";
import type { Plugin } from "esbuild";

const BROWSER_BUILD = /just-bash[\\/]dist[\\/]bundle[\\/]browser\.js$/;
const PARSE_FUNCTION = /function ([A-Za-z_$][\w$]*)\(e,t\)\{return new [A-Za-z_$][\w$]*\(\)\.parse\(e,t\)\}/;

/** Exports `parse` from just-bash's browser build. */
export function exportJustBashParse(): Plugin {
  return {
    name: "just-bash-parse",
    setup(build) {
      build.onLoad({ filter: BROWSER_BUILD }, async (args) => {
        const source = await readFile(args.path, "utf8");
        if (/export\{[^}]*\bas parse\b/.test(source)) return { contents: source, loader: "js" };
        const found = PARSE_FUNCTION.exec(source);
        if (!found) {
          return {
            errors: [{ text: `cannot find just-bash's parse() in ${args.path}; the engine needs it exported for the browser (check the just-bash version)` }],
          };
        }
        return { contents: `${source}\nexport { ${found[1]} as parse };\n`, loader: "js" };
      });
    },
  };
}
