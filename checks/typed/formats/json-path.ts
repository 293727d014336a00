// A tiny JSON path, enough to point into `podman inspect` output: `.State.Status`, `.Mounts[0].Destination`,
// `[0].Name`, `.Config.Labels["io.k8s.name"]`. A leading array of one element (podman inspect prints an array)
// is looked through automatically, so `.State.Status` works on `podman inspect NAME` as authors expect.

export type PathStep = string | number;

/** Parses a path; throws on a malformed one (the parser turns that into a located spec error). */
export function parseJsonPath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/y;
  let at = 0;
  if (path === "." || path === "") return steps;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m) throw new Error(`cannot read the JSON path at "${path.slice(at)}" (use .key, [0] or ["key"])`);
    steps.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(`"${m[3]}"`)));
    at = re.lastIndex;
  }
  return steps;
}

/** The value at `path` in `doc`, or undefined when any step is missing. */
export function getJsonPath(doc: unknown, steps: PathStep[]): unknown {
  let cur: unknown = doc;
  if (Array.isArray(cur) && cur.length === 1 && typeof steps[0] === "string") cur = cur[0];
  for (const step of steps) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (typeof step === "number") {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[step];
    } else {
      if (Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, step)) return undefined;
      cur = (cur as Record<string, unknown>)[step];
    }
  }
  return cur;
}

/** Parses JSON without throwing: undefined when the text is not JSON. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
