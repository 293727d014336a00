// Which processes a check is about. Authors name them the way they see them in `ps -ef`: by command line.
//   command: "sleep 10"        the command line is this, or starts with it then a space; the program may be
//                              written as a name or a path (`top` matches `/usr/bin/top -b`)
//   command-contains: "mnt/on" a substring of the command line
//   command-matches: "^top$"   a regular expression (guarded: see formats/regex-guard.ts)
//   selinux-type: container_t  only processes running in this SELinux domain
import { z } from "zod";
import type { SpecProblem } from "./check-type.js";
import type { PsRow } from "./formats/ps.js";
import { compileGuarded, guardedTest } from "./formats/regex-guard.js";
import { parseContext } from "./formats/selinux-context.js";

/** The fields that name processes, shared by process and process-label. */
export const processFields = {
  command: z.string().min(1).optional(),
  "command-contains": z.string().min(1).optional(),
  "command-matches": z.string().min(1).optional(),
  "selinux-type": z.string().regex(/^[A-Za-z0-9_]+$/, "an SELinux type is a single word like container_t").optional(),
};

export interface ProcessSelector {
  command?: string;
  "command-contains"?: string;
  "command-matches"?: string;
  "selinux-type"?: string;
}

/** Problems with a selector: none of the ways to name a process, or a refused pattern. */
export function validateSelector(spec: ProcessSelector, path: Array<string | number> = []): SpecProblem[] {
  const problems: SpecProblem[] = [];
  if (!spec.command && !spec["command-contains"] && !spec["command-matches"] && !spec["selinux-type"]) {
    problems.push({ path, message: "name the processes with command, command-contains, command-matches or selinux-type" });
  }
  if (spec["command-matches"]) {
    const compiled = compileGuarded(spec["command-matches"]);
    if ("error" in compiled) problems.push({ path: [...path, "command-matches"], message: compiled.error });
  }
  return problems;
}

/** The rows of the process table that a selector names (ps itself and hostlab's probes never count). */
export function selectProcesses(rows: PsRow[], spec: ProcessSelector): PsRow[] {
  const compiled = spec["command-matches"] ? compileGuarded(spec["command-matches"]) : null;
  const regex = compiled && "regex" in compiled ? compiled : null;
  if (compiled && !regex) return [];
  return rows.filter((row) => {
    if (/^ps -e/.test(row.cmd)) return false;
    if (spec.command && !commandIs(row.cmd, spec.command)) return false;
    if (spec["command-contains"] && !row.cmd.includes(spec["command-contains"])) return false;
    if (regex && !guardedTest(regex, row.cmd)) return false;
    if (spec["selinux-type"] && parseContext(row.label)?.type !== spec["selinux-type"]) return false;
    return true;
  });
}

/** Words naming the selector in messages: `"sleep 10"`, `matching /^top$/` … */
export function describeSelector(spec: ProcessSelector): string {
  const parts: string[] = [];
  if (spec.command) parts.push(`"${spec.command}"`);
  if (spec["command-contains"]) parts.push(`containing "${spec["command-contains"]}"`);
  if (spec["command-matches"]) parts.push(`matching /${spec["command-matches"]}/`);
  if (spec["selinux-type"]) parts.push(`in domain ${spec["selinux-type"]}`);
  return parts.join(" ");
}

// `top` matches `top`, `top -b`, `/usr/bin/top`; `sleep 10` matches `sleep 10` but not `sleep 100`.
function commandIs(cmd: string, wanted: string): boolean {
  const words = cmd.trim().split(/\s+/);
  const want = wanted.trim().split(/\s+/);
  if (words.length < want.length) return false;
  const program = words[0].includes("/") && !want[0].includes("/") ? words[0].slice(words[0].lastIndexOf("/") + 1) : words[0];
  if (program !== want[0]) return false;
  for (let i = 1; i < want.length; i++) if (words[i] !== want[i]) return false;
  return true;
}
