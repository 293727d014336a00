// `ls -dZ PATH` in its two layouts (host-facts/coreutils/ls-Z-format.md):
//   RHEL 7 (coreutils 8.22 + Red Hat patch): `drwxr-xr-x. root root unconfined_u:object_r:user_tmp_t:s0 /tmp/x`
//   modern coreutils:                        `unconfined_u:object_r:user_tmp_t:s0 /tmp/x`
//   (with -l, modern prints the context between group and size)
//   no SELinux:                              `? /tmp/x`  (or `drwxr-xr-x 2 root root ? 4.0K … /tmp/x` with -l)
import { parseContext, type SecurityContext } from "./selinux-context.js";

export type LsLabel =
  | { kind: "context"; context: SecurityContext; raw: string; line: string }
  | { kind: "none"; line: string } // `?`: the file system has no labels (SELinux disabled)
  | { kind: "unreadable"; line: string };

/** Finds the security context of the first line of `ls -dZ` output. */
export function parseLsLabel(stdout: string): LsLabel {
  const line = stdout.split("\n").find((l) => l.trim() !== "")?.slice(0, 8192) ?? "";
  const words = line.trim().split(/\s+/);
  for (const word of words) {
    const context = parseContext(word);
    if (context) return { kind: "context", context, raw: word, line };
  }
  // `?` must stand where a context would: first word (modern), or after mode/owner/group.
  if (words[0] === "?" || words.slice(1, 6).includes("?")) return { kind: "none", line };
  return { kind: "unreadable", line };
}
