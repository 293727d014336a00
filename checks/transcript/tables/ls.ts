// coreutils ls -l: [inode] [blocks] mode links owner group [context] size date name. Between two hosts the inode
// numbers change (and bind: the same file keeps its inode), so do allocated blocks, directory sizes (they depend
// on the filesystem: 4.0K on ext4, 6 on xfs, 340 on a tmpfs) and times. The mode, the link count, the owner, the
// SELinux context (its MCS level binds) and the name are what a lab teaches, so they compare by shape.
// RHEL 7's patched `ls -Z` prints only "mode owner group context name" (coreutils/ls-Z-format.md): such rows
// compare as whole lines, by shape.

import type { Cell, Layout, Row, TableRule } from "./types.js";
import { rowOf, splitFields } from "./types.js";

const MODE = /^[-dlcbpsD?][rwxsStTl-]{9}[.+@]?$/;
const NUMBER = /^\d+$/;
const DATE_FIELDS = 3;

interface LsLayout {
  inode: boolean;
  context: boolean;
}

/** True when these ls options ask for the long format. */
export function isLongListing(args: readonly string[]): boolean {
  return args.some((a) => /^-[A-Za-z]*[lngo]/.test(a) && !a.startsWith("--"));
}

/** The ls -l rule for the given options. */
export function lsRule(args: readonly string[]): TableRule {
  const flags = args.filter((a) => /^-[A-Za-z]+$/.test(a)).join("");
  const layout: LsLayout = { inode: flags.includes("i"), context: flags.includes("Z") || args.includes("--context") };
  return {
    name: "ls",
    layouts: (lines) => lines.map(() => layout),
    cells: (line: string, l: Layout): Row | undefined => {
      const cells = lsCells(line, l as LsLayout);
      return cells && rowOf(cells);
    },
  };
}

function lsCells(line: string, layout: LsLayout): Cell[] | undefined {
  const { inode, context } = layout;
  const fields = line.trim().split(/[ \t]+/);
  if (fields[0] === "total" && fields.length === 2) return [{ text: "total", mode: "shape" }, { text: fields[1], mode: "free" }];
  const m = fields.findIndex((f, k) => k < 3 && MODE.test(f));
  if (m < 0 || !NUMBER.test(fields[m + 1] ?? "")) return undefined; // not a row, or RHEL 7's short -Z format
  const before: Cell[] = fields.slice(0, m).map((text, k) => ({
    text,
    mode: inode && k === 0 && NUMBER.test(text) ? "inode" : "free",
  }));
  // links owner group [context] size — a device shows "major, minor" in place of the size
  const fixed = 3 + (context ? 1 : 0);
  const sizeAt = m + 1 + fixed;
  const sizeWidth = (fields[sizeAt] ?? "").endsWith(",") ? 2 : 1;
  const rest = splitFields(line, sizeAt + sizeWidth + DATE_FIELDS + 1);
  if (!rest) return undefined;
  const isDir = fields[m].startsWith("d");
  const cells: Cell[] = [...before, { text: rest[m], mode: "shape" }];
  for (let k = m + 1; k < sizeAt; k++) cells.push({ text: rest[k], mode: "shape" });
  const size = rest.slice(sizeAt, sizeAt + sizeWidth).join(" ");
  cells.push({ text: size, mode: isDir ? "free" : "shape" });
  cells.push({ text: rest.slice(sizeAt + sizeWidth, sizeAt + sizeWidth + DATE_FIELDS).join(" "), mode: "free" });
  cells.push({ text: rest[rest.length - 1], mode: "shape" });
  return cells;
}
