// SELinux security contexts as ps -Z, ls -Z and `podman inspect` print them: user:role:type:level, where the
// level of a container is `s0:cA,cB` — two distinct categories, smaller first (go-selinux uniqMcs; see
// host-facts/selinux/README-selinux-mcs.md). A host without SELinux prints `-` (procps) or `?` (coreutils) instead.

/** A parsed context, e.g. system_u:system_r:container_t:s0:c322,c619. */
export interface SecurityContext {
  user: string;
  role: string;
  type: string;
  /** sensitivity and categories, e.g. "s0:c322,c619" or "s0" or "s0-s0:c0.c1023" */
  level: string;
}

const CONTEXT = /^([A-Za-z0-9_]+):([A-Za-z0-9_]+):([A-Za-z0-9_]+):(s\d+(?:-s\d+)?(?::c\d+(?:[.,]c\d+)*)?(?:-s\d+(?::c\d+(?:[.,]c\d+)*)?)?)$/;

/** Parses a context; null when the text is not one (including the `-` and `?` of hosts without SELinux). */
export function parseContext(text: string): SecurityContext | null {
  const m = CONTEXT.exec(text.trim());
  return m ? { user: m[1], role: m[2], type: m[3], level: m[4] } : null;
}

/** Whether a label column says "no SELinux here": procps prints `-`, coreutils `?`, podman an empty string. */
export function isNoLabel(text: string): boolean {
  const t = text.trim();
  return t === "-" || t === "?" || t === "";
}

/**
 * The categories of a level as a canonical string ("c322,c619"), "" for none. Ranges (c0.c3) are expanded so
 * `c0.c2` and `c0,c1,c2` compare equal; the first sensitivity's categories are what MCS separates containers by.
 */
export function mcsCategories(level: string): string {
  const cats = level.split(":").slice(1).join(":").split("-")[0];
  if (!cats) return "";
  const set = new Set<number>();
  for (const part of cats.split(",")) {
    const range = /^c(\d+)(?:\.c(\d+))?$/.exec(part);
    if (!range) return cats; // unknown syntax: compare literally rather than guess
    const lo = Number(range[1]);
    const hi = range[2] === undefined ? lo : Number(range[2]);
    for (let c = lo; c <= hi && c - lo < 1024; c++) set.add(c);
  }
  return [...set].sort((a, b) => a - b).map((c) => `c${c}`).join(",");
}
