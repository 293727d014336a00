// The nested prompt a student's notes show inside a container (`[root@5f5d3692fa73 /]# ls -lisah /mnt`): bash in
// a podman container prints the container's hostname, which is its 12-hex short id, so the prompt's host is a
// hex id that binds (and must abbreviate the container's full id if that was seen). A host name that is not an id
// (`[root@rhel7 ~]#`) is free; the user, the directory and the prompt character are literal.

import type { BindingTable } from "./bindings.js";
import { tokenize, type Element } from "./tokenize.js";
import { matchPattern, type Miss } from "./pattern.js";

// RHEL/Fedora bash: "[user@host dir]# "; Debian/Ubuntu bash: "user@host:dir# ". Negated classes only: linear.
const BRACKETED = /^\[([^\]\s@]+)@([^\]\s]+) ([^\]]*)\]([#$])/;
const COLONED = /^([^\s@:]+)@([^\s:]+):(\S*?)([#$])(?=\s|$)/;
const HEX_HOST = /^[0-9a-f]{8,64}$/;
const MAX_PROMPT = 1_000;

interface Prompt {
  /** the prompt as written, without the command after it */
  text: string;
  user: string;
  host: string;
  dir: string;
  sign: string;
  style: "bracketed" | "coloned";
}

/** Reads a shell prompt at the start of a line, if there is one. */
export function readPrompt(line: string): Prompt | undefined {
  const head = line.trim().slice(0, MAX_PROMPT);
  let m = BRACKETED.exec(head);
  if (m) return { text: m[0], user: m[1], host: m[2], dir: m[3], sign: m[4], style: "bracketed" };
  m = COLONED.exec(head);
  if (m) return { text: m[0], user: m[1], host: m[2], dir: m[3], sign: m[4], style: "coloned" };
  return undefined;
}

/** Matches the notes' prompt against the run's; undefined when they match, else why ("" for different text). */
export function matchPrompt(expected: Prompt, actual: Prompt, table: BindingTable): string | undefined {
  if (expected.style !== actual.style || expected.user !== actual.user || expected.sign !== actual.sign) return "";
  if (expected.dir !== actual.dir) return "";
  if (!HEX_HOST.test(expected.host)) return undefined;
  if (!HEX_HOST.test(actual.host)) return "";
  const pattern: Element[] = tokenize(expected.host);
  const miss: Miss = {};
  return matchPattern(pattern, actual.host, table, miss) ? undefined : (miss.reason ?? "");
}
