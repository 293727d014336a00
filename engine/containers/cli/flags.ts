/**
 * Command-line flags as the engines parse them (spf13/pflag, which podman and docker's cobra commands share):
 * `--name x`, `--name=x`, grouped shorthands `-dt`, `-itd`, a value glued to its shorthand (`-v/a:/b`) or in the
 * next word, repeated flags collecting into a list (`-e A=1 -e B=2`), `--` ending the flags. `run`, `create` and
 * `exec` stop at the first positional word (the image or container), so flags after it belong to the command
 * being started. Errors read as pflag prints them: `unknown shorthand flag: 'd' in -dt`.
 */

export type FlagKind = "bool" | "string" | "list";

/** One flag a subcommand accepts. */
export interface FlagSpec {
  /** long name without dashes */
  name: string;
  /** one-letter shorthand */
  short?: string;
  kind: FlagKind;
}

/** The parsed command line. */
export interface ParsedFlags {
  /** bool flags present; string flags' last value; list flags' values in order */
  bools: Set<string>;
  strings: Map<string, string>;
  lists: Map<string, string[]>;
  positionals: string[];
}

/** Parses `args`; `interspersed: false` stops at the first positional (run, create, exec). */
export function parseFlags(args: string[], specs: FlagSpec[], interspersed: boolean): ParsedFlags | { error: string } {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const out: ParsedFlags = { bools: new Set(), strings: new Map(), lists: new Map(), positionals: [] };
  const set = (spec: FlagSpec, value: string | undefined) => {
    if (spec.kind === "bool") {
      if (value === undefined || value === "true") out.bools.add(spec.name);
      else out.bools.delete(spec.name);
    } else if (spec.kind === "string") out.strings.set(spec.name, value!);
    else out.lists.set(spec.name, [...(out.lists.get(spec.name) ?? []), value!]);
  };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byLong.get(name);
      if (!spec) return { error: `unknown flag: --${name}` };
      if (spec.kind === "bool") set(spec, eq >= 0 ? a.slice(eq + 1) : undefined);
      else if (eq >= 0) set(spec, a.slice(eq + 1));
      else if (i + 1 < args.length) set(spec, args[++i]);
      else return { error: `flag needs an argument: --${name}` };
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const spec = byShort.get(c);
        if (!spec) return { error: `unknown shorthand flag: '${c}' in ${a}` };
        if (spec.kind === "bool") {
          set(spec, undefined);
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest !== "") set(spec, rest.startsWith("=") ? rest.slice(1) : rest);
        else if (i + 1 < args.length) set(spec, args[++i]);
        else return { error: `flag needs an argument: '${c}' in ${a}` };
        break;
      }
      continue;
    }
    if (!interspersed) break;
    out.positionals.push(a);
  }
  out.positionals.push(...args.slice(i));
  return out;
}
